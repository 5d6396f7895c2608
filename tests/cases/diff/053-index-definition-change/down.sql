-- undo: + index accounts_idx on accounts
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
DROP INDEX public.accounts_idx;

-- undo: - index accounts_idx on accounts
-- hazard: blocks writes to the table while it runs
-- lock: SHARE, held while every row is read
CREATE INDEX accounts_idx ON public.accounts (name);
