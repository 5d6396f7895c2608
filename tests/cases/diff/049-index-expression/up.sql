-- + index accounts_email_lower_idx on accounts
-- hazard: blocks writes to the table while it runs
-- hazard: can fail on existing rows
-- lock: SHARE, held while every row is read
CREATE UNIQUE INDEX accounts_email_lower_idx ON public.accounts ((lower(email)));
