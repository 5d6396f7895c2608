-- + grant to PUBLIC ON FUNCTION public.f(x integer) (default revoked)
REVOKE EXECUTE ON FUNCTION public.f(x integer) FROM PUBLIC;
