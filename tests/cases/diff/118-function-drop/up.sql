-- - function add_one(x integer)
DROP FUNCTION public.add_one(x integer);
