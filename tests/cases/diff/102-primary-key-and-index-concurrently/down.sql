-- undo: + index t_v_idx on t
-- runs outside a transaction
DROP INDEX CONCURRENTLY public.t_v_idx;

-- undo: + primary key t_pkey on t (id)
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.t DROP CONSTRAINT t_pkey;

-- undo: - index t_v_old on t
-- runs outside a transaction
CREATE INDEX CONCURRENTLY t_v_old ON public.t (v);
