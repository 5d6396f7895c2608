-- + column accounts.active boolean not null
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.accounts ADD COLUMN active boolean DEFAULT true NOT NULL;
