-- undo: + column accounts.nickname character varying(40)
-- hazard: deletes data
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.accounts DROP COLUMN nickname;
