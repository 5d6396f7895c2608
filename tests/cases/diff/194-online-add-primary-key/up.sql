-- + primary key t_pkey on t (id)
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
-- hazard: can fail on existing rows
-- lock: ACCESS EXCLUSIVE briefly; the rows are read under SHARE UPDATE EXCLUSIVE (reads and writes go on)
-- runs outside a transaction
DROP INDEX CONCURRENTLY IF EXISTS public.t_pkey;
CREATE UNIQUE INDEX CONCURRENTLY t_pkey ON public.t (id);
ALTER TABLE public.t ADD CONSTRAINT t_pkey PRIMARY KEY USING INDEX t_pkey;
