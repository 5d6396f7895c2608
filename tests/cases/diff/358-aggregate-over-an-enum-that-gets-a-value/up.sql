-- - view happy
DROP VIEW public.happy;

-- - aggregate happy_count(public.mood)
DROP AGGREGATE public.happy_count(public.mood);

-- - function count_happy(n integer, m public.mood)
DROP FUNCTION public.count_happy(n integer, m public.mood);

-- ~ enum mood: + value 'calm' after 'sad'
ALTER TYPE public.mood ADD VALUE 'calm' AFTER 'sad';

-- + function count_happy(n integer, m public.mood)
SET check_function_bodies = off;
CREATE OR REPLACE FUNCTION public.count_happy(n integer, m public.mood)
 RETURNS integer
 LANGUAGE sql
 IMMUTABLE STRICT
AS $function$ SELECT n + CASE WHEN m = 'happy' THEN 1 ELSE 0 END $function$;
RESET check_function_bodies;

-- + aggregate happy_count(public.mood)
CREATE OR REPLACE AGGREGATE public.happy_count(public.mood) (SFUNC = public.count_happy, STYPE = integer, INITCOND = '0');

-- + view happy
CREATE VIEW public.happy AS SELECT public.happy_count(visit.feeling) AS n
   FROM public.visit;
