-- undo: + check t_amount_check on t
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.t DROP CONSTRAINT t_amount_check;

-- undo: + function positive(x integer)
DROP FUNCTION public.positive(x integer);
