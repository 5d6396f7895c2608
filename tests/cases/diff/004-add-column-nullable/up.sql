-- + column accounts.nickname character varying(40)
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.accounts ADD COLUMN nickname character varying(40);
