-- undo: - enum bug_status
-- note: re-creates the definition only; the data the up migration deleted is not restored
CREATE TYPE public.bug_status AS ENUM ('new', 'open');

-- undo: - type pair
CREATE TYPE public.pair AS (name text, amount integer);

-- undo: - function twice(n integer)
SET check_function_bodies = off;
CREATE OR REPLACE FUNCTION public.twice(n integer)
 RETURNS integer
 LANGUAGE sql
 IMMUTABLE
AS $function$SELECT n * 2$function$;
RESET check_function_bodies;

-- undo: + view item_names
DROP VIEW public.item_names;

-- undo: - table gone
-- note: re-creates the definition only; the data the up migration deleted is not restored
CREATE TABLE public.gone (
    id integer
);

-- undo: - view item_names
CREATE VIEW public.item_names AS SELECT items.id,
    items.name
   FROM public.items;

-- undo: - owner of TYPE public.bug_status: strata_golden_owner
ALTER TYPE public.bug_status OWNER TO strata_golden_owner;

-- undo: - owner of TABLE public.gone: strata_golden_owner
ALTER TABLE public.gone OWNER TO strata_golden_owner;

-- undo: - owner of VIEW public.item_names: strata_golden_owner
ALTER VIEW public.item_names OWNER TO strata_golden_owner;

-- undo: - owner of TYPE public.pair: strata_golden_owner
ALTER TYPE public.pair OWNER TO strata_golden_owner;

-- undo: - owner of FUNCTION public.twice(n integer): strata_golden_owner
ALTER FUNCTION public.twice(n integer) OWNER TO strata_golden_owner;
