-- - index t_n_idx on t
-- lock: SHARE UPDATE EXCLUSIVE
-- runs outside a transaction
DROP INDEX CONCURRENTLY public.t_n_idx;
