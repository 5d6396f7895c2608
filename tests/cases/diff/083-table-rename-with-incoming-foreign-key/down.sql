-- undo: ~ rename table parents -> families
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.families RENAME TO parents;
