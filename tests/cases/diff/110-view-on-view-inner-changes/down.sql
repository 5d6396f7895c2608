-- undo: + view outer_v
DROP VIEW public.outer_v;

-- undo: + view inner_v
DROP VIEW public.inner_v;

-- undo: - view inner_v
CREATE VIEW public.inner_v AS SELECT t.id,
    t.name
   FROM public.t;

-- undo: - view outer_v
CREATE VIEW public.outer_v AS SELECT inner_v.id
   FROM public.inner_v;
