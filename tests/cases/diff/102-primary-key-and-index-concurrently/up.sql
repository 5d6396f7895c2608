-- - index t_v_old on t
-- lock: SHARE UPDATE EXCLUSIVE
-- runs outside a transaction
DROP INDEX CONCURRENTLY public.t_v_old;

-- + primary key t_pkey on t (id)
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
-- hazard: can fail on existing rows
-- lock: ACCESS EXCLUSIVE briefly; the rows are read under SHARE UPDATE EXCLUSIVE (reads and writes go on)
-- runs outside a transaction
DROP INDEX CONCURRENTLY IF EXISTS public.t_pkey;
CREATE UNIQUE INDEX CONCURRENTLY t_pkey ON public.t (id);
ALTER TABLE public.t ADD CONSTRAINT t_pkey PRIMARY KEY USING INDEX t_pkey;

-- + index t_v_idx on t
-- lock: SHARE UPDATE EXCLUSIVE, held while every row is read
-- runs outside a transaction
DROP INDEX CONCURRENTLY IF EXISTS public.t_v_idx;
CREATE INDEX CONCURRENTLY t_v_idx ON public.t ((lower(v))) WHERE (v IS NOT NULL);
