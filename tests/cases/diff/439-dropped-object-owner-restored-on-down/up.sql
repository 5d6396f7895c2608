-- - owner of FUNCTION public.twice(n integer): strata_golden_owner

-- - owner of TYPE public.pair: strata_golden_owner

-- - owner of VIEW public.item_names: strata_golden_owner

-- - owner of TABLE public.gone: strata_golden_owner

-- - owner of TYPE public.bug_status: strata_golden_owner

-- - view item_names
DROP VIEW public.item_names;

-- - table gone
-- hazard: deletes data
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
DROP TABLE public.gone;

-- + view item_names
CREATE VIEW public.item_names AS SELECT items.name,
    items.id
   FROM public.items;

-- + owner of VIEW public.item_names: strata_golden_owner
ALTER VIEW public.item_names OWNER TO strata_golden_owner;

-- - function twice(n integer)
DROP FUNCTION public.twice(n integer);

-- - type pair
DROP TYPE public.pair;

-- - enum bug_status
-- hazard: deletes data
DROP TYPE public.bug_status;
