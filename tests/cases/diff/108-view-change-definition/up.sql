-- - view v
DROP VIEW public.v;

-- + view v
CREATE VIEW public.v AS SELECT t.id,
    upper(t.name) AS name
   FROM public.t;
