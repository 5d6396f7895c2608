-- undo: + index accounts_name_idx on accounts
-- lock: SHARE UPDATE EXCLUSIVE
-- runs outside a transaction
DROP INDEX CONCURRENTLY public.accounts_name_idx;

-- undo: + unique accounts_email_key on accounts (email)
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.accounts DROP CONSTRAINT accounts_email_key;

-- undo: - index accounts_old_idx on accounts
-- lock: SHARE UPDATE EXCLUSIVE, held while every row is read
-- runs outside a transaction
DROP INDEX CONCURRENTLY IF EXISTS public.accounts_old_idx;
CREATE INDEX CONCURRENTLY accounts_old_idx ON public.accounts (name, email);
