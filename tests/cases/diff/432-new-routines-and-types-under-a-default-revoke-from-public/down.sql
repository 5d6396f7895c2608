-- undo: ~ grant to PUBLIC ON FUNCTION public."Public Fn"(x integer) (replaced in place)
REVOKE EXECUTE ON FUNCTION public."Public Fn"(x integer) FROM PUBLIC;

-- undo: ~ grant to PUBLIC ON TYPE public.mood (replaced in place)
REVOKE USAGE ON TYPE public.mood FROM PUBLIC;

-- undo: + grant to strata_golden_reader ON FUNCTION public.private_fn()
REVOKE EXECUTE ON FUNCTION public.private_fn() FROM strata_golden_reader;

-- undo: + grant to PUBLIC ON FUNCTION public.private_fn() (default revoked)
GRANT EXECUTE ON FUNCTION public.private_fn() TO PUBLIC;

-- undo: + grant to PUBLIC ON DOMAIN public.small (default revoked)
GRANT USAGE ON DOMAIN public.small TO PUBLIC;

-- undo: + function private_fn()
DROP FUNCTION public.private_fn();

-- undo: + function "Public Fn"(x integer)
DROP FUNCTION public."Public Fn"(x integer);

-- undo: + domain small
DROP DOMAIN public.small;

-- undo: + enum mood ('ok')
-- hazard: deletes data
DROP TYPE public.mood;
