-- undo: ~ function rank_like(integer) (dropped and created again)
DROP FUNCTION public.rank_like(integer);
SET check_function_bodies = off;
CREATE OR REPLACE FUNCTION public.rank_like(integer)
 RETURNS bigint
 LANGUAGE internal
 WINDOW IMMUTABLE
AS $function$window_rank$function$;
RESET check_function_bodies;

-- undo: ~ function plain(integer) (dropped and created again)
DROP FUNCTION public.plain(integer);
SET check_function_bodies = off;
CREATE OR REPLACE FUNCTION public.plain(integer)
 RETURNS bigint
 LANGUAGE sql
 IMMUTABLE
AS $function$SELECT 1::bigint$function$;
RESET check_function_bodies;
