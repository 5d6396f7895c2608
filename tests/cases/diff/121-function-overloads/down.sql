-- undo: + function add_one(x text)
DROP FUNCTION public.add_one(x text);
