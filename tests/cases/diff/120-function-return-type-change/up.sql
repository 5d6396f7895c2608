-- ~ function add_one(x integer) (dropped and created again)
DROP FUNCTION public.add_one(x integer);
CREATE OR REPLACE FUNCTION public.add_one(x integer)
 RETURNS bigint
 LANGUAGE sql
 IMMUTABLE
AS $function$ SELECT x + 1 $function$;
