-- ~ function plain(integer) (dropped and created again)
DROP FUNCTION public.plain(integer);
SET check_function_bodies = off;
CREATE OR REPLACE FUNCTION public.plain(integer)
 RETURNS bigint
 LANGUAGE internal
 WINDOW IMMUTABLE
AS $function$window_row_number$function$;
RESET check_function_bodies;

-- ~ function rank_like(integer) (dropped and created again)
DROP FUNCTION public.rank_like(integer);
SET check_function_bodies = off;
CREATE OR REPLACE FUNCTION public.rank_like(integer)
 RETURNS bigint
 LANGUAGE sql
 IMMUTABLE
AS $function$SELECT 2::bigint$function$;
RESET check_function_bodies;
