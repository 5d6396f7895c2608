-- Column options (ALTER COLUMN ... SET (n_distinct = ...)): changed,
-- reset, set on new columns and tables (apgdiff's manual_set_statistics).
CREATE TABLE bruno (field1 integer, field2 text);
ALTER TABLE ONLY bruno ALTER COLUMN field1 SET (n_distinct=10, n_distinct_inherited=10);
ALTER TABLE bruno ALTER COLUMN field2 SET (n_distinct=-0.5);
