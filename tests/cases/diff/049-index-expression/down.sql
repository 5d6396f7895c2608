-- undo: + index accounts_email_lower_idx on accounts
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
DROP INDEX public.accounts_email_lower_idx;
