-- PostgreSQL adopts a partition's index that matches an index of the
-- parent, on ATTACH PARTITION and on CREATE INDEX on the parent; the
-- target keeps both as the partition's own indexes.
CREATE TABLE p (a int, b text) PARTITION BY LIST (a);
CREATE INDEX p_a_idx ON p (a);
CREATE TABLE p1 (a int, b text);
CREATE INDEX p1_local ON p1 (a);
CREATE TABLE q (a int, b text) PARTITION BY LIST (a);
CREATE TABLE q2 PARTITION OF q FOR VALUES IN (2);
CREATE INDEX q2_b_local ON q2 (b);
INSERT INTO p1 VALUES (1, 'one');
INSERT INTO q VALUES (2, 'two');
