-- undo: - index accounts_name_idx on accounts
-- hazard: blocks writes to the table while it runs
CREATE INDEX accounts_name_idx ON public.accounts (name);
