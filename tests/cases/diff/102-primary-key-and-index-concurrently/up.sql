-- - index t_v_old on t
-- runs outside a transaction
DROP INDEX CONCURRENTLY public.t_v_old;

-- + primary key t_pkey on t (id)
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
-- hazard: can fail on existing rows
-- runs outside a transaction
CREATE UNIQUE INDEX CONCURRENTLY t_pkey ON public.t (id);
ALTER TABLE public.t ADD CONSTRAINT t_pkey PRIMARY KEY USING INDEX t_pkey;

-- + index t_v_idx on t
-- runs outside a transaction
CREATE INDEX CONCURRENTLY t_v_idx ON public.t ((lower(v))) WHERE (v IS NOT NULL);
