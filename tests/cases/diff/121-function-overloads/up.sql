-- + function add_one(x text)
CREATE OR REPLACE FUNCTION public.add_one(x text)
 RETURNS text
 LANGUAGE sql
 IMMUTABLE
AS $function$ SELECT x || '1' $function$;
