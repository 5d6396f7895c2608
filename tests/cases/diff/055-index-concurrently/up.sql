-- - index accounts_old_idx on accounts
-- runs outside a transaction
DROP INDEX CONCURRENTLY public.accounts_old_idx;

-- + unique accounts_email_key on accounts (email)
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
-- hazard: can fail on existing rows
-- runs outside a transaction
CREATE UNIQUE INDEX CONCURRENTLY accounts_email_key ON public.accounts (email);
ALTER TABLE public.accounts ADD CONSTRAINT accounts_email_key UNIQUE USING INDEX accounts_email_key;

-- + index accounts_name_idx on accounts
-- runs outside a transaction
CREATE INDEX CONCURRENTLY accounts_name_idx ON public.accounts (name);
