-- undo: + index accounts_named_idx on accounts
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
DROP INDEX public.accounts_named_idx;
