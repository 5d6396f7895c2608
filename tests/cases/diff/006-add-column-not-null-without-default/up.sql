-- + column accounts.plan text not null
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
-- hazard: can fail on existing rows
ALTER TABLE public.accounts ADD COLUMN plan text NOT NULL;
