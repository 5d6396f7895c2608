-- undo: + view totals
DROP VIEW public.totals;

-- undo: + aggregate qty_sum(integer)
DROP AGGREGATE public.qty_sum(integer);

-- undo: ~ function add_qty(total integer, qty integer) (dropped and created again)
DROP FUNCTION public.add_qty(total integer, qty integer);
SET check_function_bodies = off;
CREATE OR REPLACE FUNCTION public.add_qty(s integer, x integer)
 RETURNS integer
 LANGUAGE sql
 IMMUTABLE STRICT
AS $function$ SELECT s + x $function$;
RESET check_function_bodies;

-- undo: - aggregate qty_sum(integer)
CREATE OR REPLACE AGGREGATE public.qty_sum(integer) (SFUNC = public.add_qty, STYPE = integer, INITCOND = '0');

-- undo: - view totals
CREATE VIEW public.totals AS SELECT public.qty_sum(sales.qty) AS total
   FROM public.sales;
