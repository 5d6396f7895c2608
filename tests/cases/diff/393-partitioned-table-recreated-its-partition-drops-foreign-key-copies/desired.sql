CREATE TABLE t (a int PRIMARY KEY);
-- f1's copies of f's foreign keys go when it is detached: one references
-- a table that is dropped, the other is defined differently on f_new
CREATE TABLE f_new (a int, b int, CONSTRAINT f_fk FOREIGN KEY (a) REFERENCES t (a) ON DELETE CASCADE) PARTITION BY LIST (a);
CREATE TABLE f1 PARTITION OF f_new FOR VALUES IN (1);
