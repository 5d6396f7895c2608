-- undo: ~ column t.name: text -> public.citext
-- hazard: rewrites the table
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
-- lock: ACCESS EXCLUSIVE, held while the table is rewritten
ALTER TABLE public.t ALTER COLUMN name TYPE text;

-- undo: + extension citext
DROP EXTENSION citext;
