-- undo: + column base.note text
-- hazard: deletes data
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.base DROP COLUMN note;
