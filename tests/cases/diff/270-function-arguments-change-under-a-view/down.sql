-- undo: + view price_gross
DROP VIEW public.price_gross;

-- undo: ~ procedure reprice(INOUT n numeric, IN factor numeric) (dropped and created again)
DROP PROCEDURE public.reprice(INOUT n numeric, IN factor numeric);
SET check_function_bodies = off;
CREATE OR REPLACE PROCEDURE public.reprice(INOUT n numeric)
 LANGUAGE plpgsql
AS $procedure$BEGIN n := n * 2; END$procedure$;
RESET check_function_bodies;

-- undo: ~ function gross(net numeric, rate numeric) (dropped and created again)
DROP FUNCTION public.gross(net numeric, rate numeric);
SET check_function_bodies = off;
CREATE OR REPLACE FUNCTION public.gross(net numeric)
 RETURNS numeric
 LANGUAGE sql
 IMMUTABLE
AS $function$SELECT net * 1.2$function$;
RESET check_function_bodies;

-- undo: - view price_gross
CREATE VIEW public.price_gross AS SELECT price.id,
    public.gross(price.net) AS gross
   FROM public.price;
