-- undo: + check t_v_check on t
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.t DROP CONSTRAINT t_v_check;
