-- undo: + unique t_email_key on t (email)
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.t DROP CONSTRAINT t_email_key;
