-- undo: - function add_one(x integer)
SET check_function_bodies = off;
CREATE OR REPLACE FUNCTION public.add_one(x integer)
 RETURNS integer
 LANGUAGE sql
 IMMUTABLE
AS $function$ SELECT x + 1 $function$;
RESET check_function_bodies;
