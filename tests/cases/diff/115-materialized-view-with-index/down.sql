-- undo: + materialized view mv
DROP MATERIALIZED VIEW public.mv;
