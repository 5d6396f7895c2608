-- - view price_gross
DROP VIEW public.price_gross;

-- ~ function gross(net numeric, rate numeric) (dropped and created again)
DROP FUNCTION public.gross(net numeric);
SET check_function_bodies = off;
CREATE OR REPLACE FUNCTION public.gross(net numeric, rate numeric DEFAULT 1.2)
 RETURNS numeric
 LANGUAGE sql
 IMMUTABLE
AS $function$SELECT net * rate$function$;
RESET check_function_bodies;

-- ~ procedure reprice(INOUT n numeric, IN factor numeric) (dropped and created again)
DROP PROCEDURE public.reprice(INOUT n numeric);
SET check_function_bodies = off;
CREATE OR REPLACE PROCEDURE public.reprice(INOUT n numeric, IN factor numeric DEFAULT 2)
 LANGUAGE plpgsql
AS $procedure$BEGIN n := n * factor; END$procedure$;
RESET check_function_bodies;

-- + view price_gross
CREATE VIEW public.price_gross AS SELECT price.id,
    public.gross(price.net) AS gross
   FROM public.price;
