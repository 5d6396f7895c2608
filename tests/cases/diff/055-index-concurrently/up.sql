-- - index accounts_old_idx on accounts
-- lock: SHARE UPDATE EXCLUSIVE
-- runs outside a transaction
DROP INDEX CONCURRENTLY public.accounts_old_idx;

-- + unique accounts_email_key on accounts (email)
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
-- hazard: can fail on existing rows
-- lock: ACCESS EXCLUSIVE briefly; the rows are read under SHARE UPDATE EXCLUSIVE (reads and writes go on)
-- runs outside a transaction
DROP INDEX CONCURRENTLY IF EXISTS public.accounts_email_key;
CREATE UNIQUE INDEX CONCURRENTLY accounts_email_key ON public.accounts (email);
ALTER TABLE public.accounts ADD CONSTRAINT accounts_email_key UNIQUE USING INDEX accounts_email_key;

-- + index accounts_name_idx on accounts
-- lock: SHARE UPDATE EXCLUSIVE, held while every row is read
-- runs outside a transaction
DROP INDEX CONCURRENTLY IF EXISTS public.accounts_name_idx;
CREATE INDEX CONCURRENTLY accounts_name_idx ON public.accounts (name);
