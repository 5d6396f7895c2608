-- undo: + view described
DROP VIEW public.described;

-- undo: + function next_level(l public.level)
DROP FUNCTION public.next_level(l public.level);

-- undo: + function describe(l public.level)
DROP FUNCTION public.describe(l public.level);

-- undo: ~ enum level: + value 'mid' after 'low'
-- hazard: deletes data
-- hazard: rewrites the table
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
-- hazard: can fail on existing rows
-- lock: ACCESS EXCLUSIVE, held while the table is rewritten
ALTER TYPE public.level RENAME TO level_old;
CREATE TYPE public.level AS ENUM ('low', 'high');
ALTER TABLE public.reading
  ALTER COLUMN lvl DROP DEFAULT,
  ALTER COLUMN lvl TYPE public.level USING lvl::text::public.level,
  ALTER COLUMN lvl SET DEFAULT 'low'::public.level;
DROP TYPE public.level_old;

-- undo: - function describe(l public.level)
SET check_function_bodies = off;
CREATE OR REPLACE FUNCTION public.describe(l public.level)
 RETURNS text
 LANGUAGE plpgsql
AS $function$BEGIN RETURN l::text; END$function$;
RESET check_function_bodies;

-- undo: - function next_level(l public.level)
SET check_function_bodies = off;
CREATE OR REPLACE FUNCTION public.next_level(l public.level)
 RETURNS public.level
 LANGUAGE sql
AS $function$SELECT 'high'::level$function$;
RESET check_function_bodies;

-- undo: - view described
CREATE VIEW public.described AS SELECT reading.id,
    public.describe(reading.lvl) AS describe
   FROM public.reading;
