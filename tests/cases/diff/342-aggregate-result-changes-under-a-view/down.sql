-- undo: + view totals
DROP VIEW public.totals;

-- undo: ~ aggregate qty_sum(integer) (dropped and created again)
DROP AGGREGATE public.qty_sum(integer);
CREATE OR REPLACE AGGREGATE public.qty_sum(integer) (SFUNC = int4pl, STYPE = integer, INITCOND = '0');

-- undo: - view totals
CREATE VIEW public.totals AS SELECT public.qty_sum(sales.qty) AS total
   FROM public.sales;
