-- + trigger t_touch on t
-- hazard: blocks writes to the table while it runs
-- lock: SHARE ROW EXCLUSIVE
CREATE TRIGGER t_touch BEFORE UPDATE OF name ON public.t FOR EACH ROW WHEN ((old.name IS DISTINCT FROM new.name)) EXECUTE FUNCTION public.touch();
