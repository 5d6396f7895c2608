-- + index accounts_named_idx on accounts
-- hazard: blocks writes to the table while it runs
CREATE INDEX accounts_named_idx ON public.accounts (email) WHERE (name IS NOT NULL);
