-- + unique t_email_key on t (email)
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
-- hazard: can fail on existing rows
-- lock: ACCESS EXCLUSIVE briefly; the rows are read under SHARE UPDATE EXCLUSIVE (reads and writes go on)
-- runs outside a transaction
DROP INDEX CONCURRENTLY IF EXISTS public.t_email_key;
CREATE UNIQUE INDEX CONCURRENTLY t_email_key ON public.t (email);
ALTER TABLE public.t ADD CONSTRAINT t_email_key UNIQUE USING INDEX t_email_key;
