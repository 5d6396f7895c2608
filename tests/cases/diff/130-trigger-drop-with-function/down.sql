-- undo: - function touch()
CREATE OR REPLACE FUNCTION public.touch()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$ BEGIN NEW.name := coalesce(NEW.name, 'x'); RETURN NEW; END $function$;

-- undo: - trigger t_touch on t
CREATE TRIGGER t_touch BEFORE INSERT ON public.t FOR EACH ROW EXECUTE FUNCTION public.touch();
