-- undo: + unique t_a_b_key on t (a, b)
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.t DROP CONSTRAINT t_a_b_key;
