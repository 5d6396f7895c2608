-- Column statistics targets (ALTER COLUMN ... SET STATISTICS): set,
-- changed, reset to the default (-1), kept across a type change, on new
-- tables and new columns.
CREATE TABLE t (a int, b text, c int);
ALTER TABLE t ALTER COLUMN b SET STATISTICS 50;
ALTER TABLE t ALTER COLUMN c SET STATISTICS 0;
INSERT INTO t VALUES (1, '2', 3);
