-- + type pair
CREATE TYPE public.pair AS (a integer, b text);

-- + function make_pair(x integer)
SET check_function_bodies = off;
CREATE OR REPLACE FUNCTION public.make_pair(x integer)
 RETURNS public.pair
 LANGUAGE sql
AS $function$ SELECT x, 'b'::text $function$;
RESET check_function_bodies;
