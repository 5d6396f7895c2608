-- + procedure bump(IN n integer)
SET check_function_bodies = off;
CREATE OR REPLACE PROCEDURE public.bump(IN n integer)
 LANGUAGE sql
AS $procedure$ UPDATE public.t SET amount = amount + n $procedure$;
RESET check_function_bodies;
