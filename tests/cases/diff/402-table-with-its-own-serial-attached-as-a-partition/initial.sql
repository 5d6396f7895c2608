-- A table with a serial of its own becomes a partition of a table with a
-- serial column of the same name: it takes the parent's default, as a
-- partition created in the parent has it, and its own sequence goes (the
-- way back detaches it and makes the column a serial again). The parent
-- keeps a partition that does not leave.
CREATE TABLE p (a int, s serial) PARTITION BY LIST (a);
CREATE TABLE p2 PARTITION OF p FOR VALUES IN (2);
CREATE TABLE p1 (a int, s serial);
INSERT INTO p1 (a) VALUES (1), (1);
