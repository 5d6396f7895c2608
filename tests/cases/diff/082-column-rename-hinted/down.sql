-- undo: ~ rename column accounts.name -> full_name
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.accounts RENAME COLUMN full_name TO name;
