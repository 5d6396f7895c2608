CREATE TABLE t (id int, a int);
-- NOT VALID only holds when added to an existing table (CREATE TABLE
-- validates every constraint it declares).
ALTER TABLE t ADD CONSTRAINT t_a_check CHECK (a > 0) NOT VALID;
CREATE TABLE child () INHERITS (t);
INSERT INTO t VALUES (1, 2);
