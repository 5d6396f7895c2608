-- undo: + trigger t_touch on t
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
DROP TRIGGER t_touch ON public.t;
