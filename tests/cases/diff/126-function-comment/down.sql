-- undo: ~ comment on function add_one(x integer): adds one
COMMENT ON FUNCTION public.add_one(x integer) IS NULL;
