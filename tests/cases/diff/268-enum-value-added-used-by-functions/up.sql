-- - view described
DROP VIEW public.described;

-- - function next_level(l public.level)
DROP FUNCTION public.next_level(l public.level);

-- - function describe(l public.level)
DROP FUNCTION public.describe(l public.level);

-- ~ enum level: + value 'mid' after 'low'
ALTER TYPE public.level ADD VALUE 'mid' AFTER 'low';

-- + function describe(l public.level)
SET check_function_bodies = off;
CREATE OR REPLACE FUNCTION public.describe(l public.level)
 RETURNS text
 LANGUAGE plpgsql
AS $function$BEGIN RETURN l::text; END$function$;
RESET check_function_bodies;

-- + function next_level(l public.level)
SET check_function_bodies = off;
CREATE OR REPLACE FUNCTION public.next_level(l public.level)
 RETURNS public.level
 LANGUAGE sql
AS $function$SELECT 'high'::level$function$;
RESET check_function_bodies;

-- + view described
CREATE VIEW public.described AS SELECT reading.id,
    public.describe(reading.lvl) AS describe
   FROM public.reading;
