-- + function add_one(x text)
SET check_function_bodies = off;
CREATE OR REPLACE FUNCTION public.add_one(x text)
 RETURNS text
 LANGUAGE sql
 IMMUTABLE
AS $function$ SELECT x || '1' $function$;
RESET check_function_bodies;
