-- undo: + index t_v_idx on t
-- lock: SHARE UPDATE EXCLUSIVE
-- runs outside a transaction
DROP INDEX CONCURRENTLY public.t_v_idx;

-- undo: + primary key t_pkey on t (id)
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.t DROP CONSTRAINT t_pkey;

-- undo: - index t_v_old on t
-- lock: SHARE UPDATE EXCLUSIVE, held while every row is read
-- runs outside a transaction
DROP INDEX CONCURRENTLY IF EXISTS public.t_v_old;
CREATE INDEX CONCURRENTLY t_v_old ON public.t (v);
