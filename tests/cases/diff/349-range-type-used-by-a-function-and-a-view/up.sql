-- + domain hour
CREATE DOMAIN public.hour AS integer CONSTRAINT hour_check CHECK (((VALUE >= 0) AND (VALUE <= 24)));

-- + range type hours
CREATE TYPE public.hours AS RANGE (SUBTYPE = public.hour);

-- + function total_hours(h public.hours_multirange)
SET check_function_bodies = off;
CREATE OR REPLACE FUNCTION public.total_hours(h public.hours_multirange)
 RETURNS integer
 LANGUAGE sql
 IMMUTABLE
AS $function$ SELECT count(*)::integer FROM unnest(h) $function$;
RESET check_function_bodies;

-- + view slot_hours
CREATE VIEW public.slot_hours AS SELECT slot.id,
    public.total_hours(public.hours_multirange(public.hours((slot.lo)::public.hour, (slot.hi)::public.hour))) AS n
   FROM public.slot;
