-- + enum mood ('ok')
CREATE TYPE public.mood AS ENUM ('ok');

-- + domain small
CREATE DOMAIN public.small AS integer CONSTRAINT small_check CHECK ((VALUE < 10));

-- + function "Public Fn"(x integer)
SET check_function_bodies = off;
CREATE OR REPLACE FUNCTION public."Public Fn"(x integer)
 RETURNS integer
 LANGUAGE sql
AS $function$SELECT x$function$;
RESET check_function_bodies;

-- + function private_fn()
SET check_function_bodies = off;
CREATE OR REPLACE FUNCTION public.private_fn()
 RETURNS integer
 LANGUAGE sql
AS $function$SELECT 1$function$;
RESET check_function_bodies;

-- + grant to PUBLIC ON DOMAIN public.small (default revoked)
REVOKE USAGE ON DOMAIN public.small FROM PUBLIC;

-- + grant to PUBLIC ON FUNCTION public.private_fn() (default revoked)
REVOKE EXECUTE ON FUNCTION public.private_fn() FROM PUBLIC;

-- + grant to strata_golden_reader ON FUNCTION public.private_fn()
GRANT EXECUTE ON FUNCTION public.private_fn() TO strata_golden_reader;

-- ~ grant to PUBLIC ON TYPE public.mood (replaced in place)
GRANT USAGE ON TYPE public.mood TO PUBLIC;

-- ~ grant to PUBLIC ON FUNCTION public."Public Fn"(x integer) (replaced in place)
GRANT EXECUTE ON FUNCTION public."Public Fn"(x integer) TO PUBLIC;
