-- ~ function touch() (replaced in place)
CREATE OR REPLACE FUNCTION public.touch()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$ BEGIN NEW.name := 'y'; RETURN NEW; END $function$;
