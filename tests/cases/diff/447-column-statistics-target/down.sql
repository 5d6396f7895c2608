-- undo: ~ column t.c: statistics 0 -> default
-- lock: SHARE UPDATE EXCLUSIVE
ALTER TABLE public.t ALTER COLUMN c SET STATISTICS 0;

-- undo: ~ column t.a: statistics default -> 500
-- lock: SHARE UPDATE EXCLUSIVE
ALTER TABLE public.t ALTER COLUMN a SET STATISTICS -1;

-- undo: ~ column t.b: text -> bigint
-- hazard: rewrites the table
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
-- lock: ACCESS EXCLUSIVE, held while the table is rewritten
ALTER TABLE public.t ALTER COLUMN b TYPE text;

-- undo: + column t.d text
-- hazard: deletes data
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.t DROP COLUMN d;

-- undo: + table u
-- hazard: deletes data
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
DROP TABLE public.u;
