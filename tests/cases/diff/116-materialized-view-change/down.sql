-- undo: + materialized view mv
DROP MATERIALIZED VIEW public.mv;

-- undo: - materialized view mv
CREATE MATERIALIZED VIEW public.mv AS SELECT t.id
   FROM public.t WITH DATA;
