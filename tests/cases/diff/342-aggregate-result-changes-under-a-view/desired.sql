CREATE TABLE sales (id int PRIMARY KEY, qty integer NOT NULL);
-- The result becomes bigint (a new state type): CREATE OR REPLACE cannot
-- change it, so the aggregate is dropped and created again, and the view
-- that uses it with it.
CREATE AGGREGATE qty_sum(integer) (SFUNC = int4_sum, STYPE = bigint);
CREATE VIEW totals AS SELECT qty_sum(qty) AS total FROM sales;
