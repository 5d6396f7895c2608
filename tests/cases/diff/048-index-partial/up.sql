-- + index accounts_named_idx on accounts
-- hazard: blocks writes to the table while it runs
-- lock: SHARE, held while every row is read
CREATE INDEX accounts_named_idx ON public.accounts (email) WHERE (name IS NOT NULL);
