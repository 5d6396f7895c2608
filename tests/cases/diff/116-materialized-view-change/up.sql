-- - materialized view mv
DROP MATERIALIZED VIEW public.mv;

-- + materialized view mv
CREATE MATERIALIZED VIEW public.mv AS SELECT t.id,
    t.name
   FROM public.t WITH DATA;
