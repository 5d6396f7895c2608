-- - column accounts.name
-- hazard: deletes data
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.accounts DROP COLUMN name;
