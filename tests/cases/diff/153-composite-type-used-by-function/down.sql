-- undo: + function make_pair(x integer)
DROP FUNCTION public.make_pair(x integer);

-- undo: + type pair
DROP TYPE public.pair;
