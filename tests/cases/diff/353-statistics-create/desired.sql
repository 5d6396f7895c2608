CREATE SCHEMA "Stat Ops";
CREATE TABLE "Stat Ops"."Orders" (id int PRIMARY KEY, city text, zip text, amount numeric);
-- Chosen kinds on columns, in a quoted schema; all kinds with an
-- expression and a target, in another schema than its table's; one on a
-- new table.
CREATE STATISTICS "Stat Ops"."city and zip" (ndistinct, dependencies) ON city, zip FROM "Stat Ops"."Orders";
COMMENT ON STATISTICS "Stat Ops"."city and zip" IS 'zip decides city';
CREATE STATISTICS public.order_amounts ON (amount * 2), zip FROM "Stat Ops"."Orders";
ALTER STATISTICS public.order_amounts SET STATISTICS 500;
CREATE TABLE public.visit (id int PRIMARY KEY, a int, b int);
CREATE STATISTICS public.visit_ab (mcv) ON a, b FROM public.visit;
CREATE STATISTICS public.visit_sum ON (a + b) FROM public.visit;
CREATE STATISTICS public.visit_lower ON lower(b::text), a FROM public.visit;
