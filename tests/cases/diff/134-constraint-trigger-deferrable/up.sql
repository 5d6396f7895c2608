-- + function check_t()
SET check_function_bodies = off;
CREATE OR REPLACE FUNCTION public.check_t()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$ BEGIN RETURN NULL; END $function$;
RESET check_function_bodies;

-- + trigger t_check on t
-- hazard: blocks writes to the table while it runs
-- lock: SHARE ROW EXCLUSIVE
CREATE CONSTRAINT TRIGGER t_check AFTER INSERT ON public.t DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION public.check_t();
