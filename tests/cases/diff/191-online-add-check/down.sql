-- undo: + check t_n_positive on t
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.t DROP CONSTRAINT t_n_positive;
