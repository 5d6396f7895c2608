-- undo: + view happy
DROP VIEW public.happy;

-- undo: + aggregate happy_count(public.mood)
DROP AGGREGATE public.happy_count(public.mood);

-- undo: + function count_happy(n integer, m public.mood)
DROP FUNCTION public.count_happy(n integer, m public.mood);

-- undo: ~ enum mood: + value 'calm' after 'sad'
-- hazard: deletes data
-- hazard: rewrites the table
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
-- hazard: can fail on existing rows
-- lock: ACCESS EXCLUSIVE, held while the table is rewritten
ALTER TYPE public.mood RENAME TO mood_old;
CREATE TYPE public.mood AS ENUM ('sad', 'happy');
ALTER TABLE public.visit ALTER COLUMN feeling TYPE public.mood USING feeling::text::public.mood;
DROP TYPE public.mood_old;

-- undo: - function count_happy(n integer, m public.mood)
SET check_function_bodies = off;
CREATE OR REPLACE FUNCTION public.count_happy(n integer, m public.mood)
 RETURNS integer
 LANGUAGE sql
 IMMUTABLE STRICT
AS $function$ SELECT n + CASE WHEN m = 'happy' THEN 1 ELSE 0 END $function$;
RESET check_function_bodies;

-- undo: - aggregate happy_count(public.mood)
CREATE OR REPLACE AGGREGATE public.happy_count(public.mood) (SFUNC = public.count_happy, STYPE = integer, INITCOND = '0');

-- undo: - view happy
CREATE VIEW public.happy AS SELECT public.happy_count(visit.feeling) AS n
   FROM public.visit;
