-- undo: + statistics visit_sum
DROP STATISTICS public.visit_sum;

-- undo: + statistics visit_lower
DROP STATISTICS public.visit_lower;

-- undo: + statistics visit_ab
DROP STATISTICS public.visit_ab;

-- undo: + statistics order_amounts
DROP STATISTICS public.order_amounts;

-- undo: + statistics "Stat Ops"."city and zip"
DROP STATISTICS "Stat Ops"."city and zip";

-- undo: + table visit
-- hazard: deletes data
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
DROP TABLE public.visit;
