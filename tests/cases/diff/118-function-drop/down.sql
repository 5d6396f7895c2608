-- undo: - function add_one(x integer)
CREATE OR REPLACE FUNCTION public.add_one(x integer)
 RETURNS integer
 LANGUAGE sql
 IMMUTABLE
AS $function$ SELECT x + 1 $function$;
