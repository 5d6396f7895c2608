-- undo: + column accounts.display_name text
-- hazard: deletes data
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.accounts DROP COLUMN display_name;
