-- ~ rename column accounts.name -> full_name
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.accounts RENAME COLUMN name TO full_name;
