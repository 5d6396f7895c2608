-- undo: + column accounts.active boolean not null
-- hazard: deletes data
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.accounts DROP COLUMN active;
