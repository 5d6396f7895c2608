-- undo: - index t_n_idx on t
-- lock: SHARE UPDATE EXCLUSIVE, held while every row is read
-- runs outside a transaction
DROP INDEX CONCURRENTLY IF EXISTS public.t_n_idx;
CREATE INDEX CONCURRENTLY t_n_idx ON public.t (n);
