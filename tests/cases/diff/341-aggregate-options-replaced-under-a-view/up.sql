-- ~ aggregate "Agg Ops".qty_sum(integer) (replaced in place)
CREATE OR REPLACE AGGREGATE "Agg Ops".qty_sum(integer) (SFUNC = int4pl, STYPE = integer, COMBINEFUNC = int4pl, INITCOND = '100', MSFUNC = int4pl, MINVFUNC = int4mi, MSTYPE = integer, MINITCOND = '100', PARALLEL = SAFE);
