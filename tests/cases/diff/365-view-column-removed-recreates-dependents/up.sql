-- - grant to strata_golden_reader ON TABLE public.item_v
REVOKE SELECT ON TABLE public.item_v FROM strata_golden_reader;

-- - view item_names
DROP VIEW public.item_names;

-- - view item_v
DROP VIEW public.item_v;

-- + view item_v
CREATE VIEW public.item_v AS SELECT item.id,
    item.name
   FROM public.item;

-- + view item_names
CREATE VIEW public.item_names AS SELECT item_v.id,
    item_v.name
   FROM public.item_v;

-- + grant to strata_golden_reader ON TABLE public.item_v
GRANT SELECT ON TABLE public.item_v TO strata_golden_reader;
