-- - view outer_v
DROP VIEW public.outer_v;

-- - view inner_v
DROP VIEW public.inner_v;

-- + view inner_v
CREATE VIEW public.inner_v AS SELECT t.id,
    t.name
   FROM public.t
  WHERE (t.id > 10);

-- + view outer_v
CREATE VIEW public.outer_v AS SELECT inner_v.id
   FROM public.inner_v;
