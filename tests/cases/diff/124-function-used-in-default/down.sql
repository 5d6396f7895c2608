-- undo: ~ column t.name: default none -> public.next_code()
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.t ALTER COLUMN name DROP DEFAULT;

-- undo: + function next_code()
DROP FUNCTION public.next_code();
