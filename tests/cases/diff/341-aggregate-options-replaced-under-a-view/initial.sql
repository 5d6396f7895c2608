CREATE SCHEMA "Agg Ops";
CREATE TABLE "Agg Ops".sales (id int PRIMARY KEY, qty integer NOT NULL);
INSERT INTO "Agg Ops".sales VALUES (1, 2), (2, 3);
CREATE AGGREGATE "Agg Ops".qty_sum(integer) (SFUNC = int4pl, STYPE = integer, INITCOND = '0');
CREATE VIEW "Agg Ops".totals AS SELECT "Agg Ops".qty_sum(qty) AS total FROM "Agg Ops".sales;
