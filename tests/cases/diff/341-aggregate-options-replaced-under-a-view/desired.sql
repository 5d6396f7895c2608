CREATE SCHEMA "Agg Ops";
CREATE TABLE "Agg Ops".sales (id int PRIMARY KEY, qty integer NOT NULL);
-- Another initial value, a combine function, moving-aggregate functions
-- and parallel safety: replaced in place, the view stays.
CREATE AGGREGATE "Agg Ops".qty_sum(integer) (
    SFUNC = int4pl, STYPE = integer, COMBINEFUNC = int4pl, INITCOND = '100',
    MSFUNC = int4pl, MINVFUNC = int4mi, MSTYPE = integer, MINITCOND = '100', PARALLEL = SAFE);
CREATE VIEW "Agg Ops".totals AS SELECT "Agg Ops".qty_sum(qty) AS total FROM "Agg Ops".sales;
