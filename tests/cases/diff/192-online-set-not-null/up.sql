-- ~ column t.n: set not null
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
-- hazard: can fail on existing rows
-- lock: ACCESS EXCLUSIVE briefly; the rows are read under SHARE UPDATE EXCLUSIVE (reads and writes go on)
-- runs outside a transaction
ALTER TABLE public.t ADD CONSTRAINT t_n_not_null CHECK (n IS NOT NULL) NOT VALID;
ALTER TABLE public.t VALIDATE CONSTRAINT t_n_not_null;
ALTER TABLE public.t ALTER COLUMN n SET NOT NULL;
ALTER TABLE public.t DROP CONSTRAINT t_n_not_null;
