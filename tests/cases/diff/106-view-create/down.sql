-- undo: + view v
DROP VIEW public.v;
