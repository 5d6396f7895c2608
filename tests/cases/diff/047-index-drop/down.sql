-- undo: - index accounts_name_idx on accounts
-- hazard: blocks writes to the table while it runs
-- lock: SHARE, held while every row is read
CREATE INDEX accounts_name_idx ON public.accounts (name);
