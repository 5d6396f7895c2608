-- undo: ~ aggregate "Agg Ops".qty_sum(integer) (replaced in place)
CREATE OR REPLACE AGGREGATE "Agg Ops".qty_sum(integer) (SFUNC = int4pl, STYPE = integer, INITCOND = '0');
