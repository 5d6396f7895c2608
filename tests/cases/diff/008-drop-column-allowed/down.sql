-- undo: - column accounts.name
-- note: re-creates the definition only; the data the up migration deleted is not restored
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.accounts ADD COLUMN name text;
