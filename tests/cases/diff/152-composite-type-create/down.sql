-- undo: + type pair
DROP TYPE public.pair;
