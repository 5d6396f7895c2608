-- undo: + trigger t_check on t
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
DROP TRIGGER t_check ON public.t;

-- undo: + function check_t()
DROP FUNCTION public.check_t();
