-- undo: ~ column bruno.field2: options (n_distinct=-0.5) -> ()
-- lock: SHARE UPDATE EXCLUSIVE
ALTER TABLE public.bruno ALTER COLUMN field2 SET (n_distinct = '-0.5');

-- undo: ~ column bruno.field1: options (n_distinct=10, n_distinct_inherited=10) -> (n_distinct=1, n_distinct_inherited=1)
-- lock: SHARE UPDATE EXCLUSIVE
ALTER TABLE public.bruno ALTER COLUMN field1 RESET (n_distinct, n_distinct_inherited), ALTER COLUMN field1 SET (n_distinct = '10', n_distinct_inherited = '10');

-- undo: + column bruno.field3 integer
-- hazard: deletes data
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.bruno DROP COLUMN field3;

-- undo: + table other
-- hazard: deletes data
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
DROP TABLE public.other;
