-- + trigger t_touch on t
CREATE TRIGGER t_touch BEFORE UPDATE OF name ON public.t FOR EACH ROW WHEN ((old.name IS DISTINCT FROM new.name)) EXECUTE FUNCTION public.touch();
