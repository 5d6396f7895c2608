-- undo: + grant to PUBLIC ON FUNCTION public.f(x integer) (default revoked)
GRANT EXECUTE ON FUNCTION public.f(x integer) TO PUBLIC;
