-- + function event_check()
SET check_function_bodies = off;
CREATE OR REPLACE FUNCTION public.event_check()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$BEGIN RETURN NEW; END$function$;
RESET check_function_bodies;

-- + trigger event_check on event
-- hazard: blocks writes to the table while it runs
-- lock: SHARE ROW EXCLUSIVE
CREATE TRIGGER event_check BEFORE INSERT ON public.event FOR EACH ROW EXECUTE FUNCTION public.event_check();
