-- undo: + policy no_neg on t
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
DROP POLICY no_neg ON public.t;
