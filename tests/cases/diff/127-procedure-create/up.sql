-- + procedure bump(IN n integer)
CREATE OR REPLACE PROCEDURE public.bump(IN n integer)
 LANGUAGE sql
AS $procedure$ UPDATE public.t SET amount = amount + n $procedure$;
