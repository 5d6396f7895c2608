CREATE TABLE bruno (field1 integer, field2 text, field3 int);
ALTER TABLE ONLY bruno ALTER COLUMN field1 SET (n_distinct=1, n_distinct_inherited=1);
ALTER TABLE bruno ALTER COLUMN field3 SET (n_distinct=5);
CREATE TABLE other (x int);
ALTER TABLE other ALTER COLUMN x SET (n_distinct=-1);
