-- + table other
CREATE TABLE public.other (
    x integer
);
ALTER TABLE public.other ALTER COLUMN x SET (n_distinct = '-1');

-- + column bruno.field3 integer
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.bruno ADD COLUMN field3 integer;
ALTER TABLE public.bruno ALTER COLUMN field3 SET (n_distinct = '5');

-- ~ column bruno.field1: options (n_distinct=10, n_distinct_inherited=10) -> (n_distinct=1, n_distinct_inherited=1)
-- lock: SHARE UPDATE EXCLUSIVE
ALTER TABLE public.bruno ALTER COLUMN field1 RESET (n_distinct, n_distinct_inherited), ALTER COLUMN field1 SET (n_distinct = '1', n_distinct_inherited = '1');

-- ~ column bruno.field2: options (n_distinct=-0.5) -> ()
-- lock: SHARE UPDATE EXCLUSIVE
ALTER TABLE public.bruno ALTER COLUMN field2 RESET (n_distinct);
