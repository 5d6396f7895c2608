-- undo: ~ function touch() (replaced in place)
SET check_function_bodies = off;
CREATE OR REPLACE FUNCTION public.touch()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$ BEGIN NEW.name := coalesce(NEW.name, 'x'); RETURN NEW; END $function$;
RESET check_function_bodies;
