-- undo: + trigger t_touch on t
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
DROP TRIGGER t_touch ON public.t;

-- undo: - trigger t_touch on t
-- hazard: blocks writes to the table while it runs
-- lock: SHARE ROW EXCLUSIVE
CREATE TRIGGER t_touch BEFORE INSERT ON public.t FOR EACH ROW EXECUTE FUNCTION public.touch();
