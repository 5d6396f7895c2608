-- + function touch()
SET check_function_bodies = off;
CREATE OR REPLACE FUNCTION public.touch()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$ BEGIN NEW.name := coalesce(NEW.name, 'x'); RETURN NEW; END $function$;
RESET check_function_bodies;

-- + trigger t_touch on t
-- hazard: blocks writes to the table while it runs
-- lock: SHARE ROW EXCLUSIVE
CREATE TRIGGER t_touch BEFORE INSERT OR UPDATE ON public.t FOR EACH ROW EXECUTE FUNCTION public.touch();
