CREATE TABLE sales (id int PRIMARY KEY, qty integer NOT NULL);
CREATE AGGREGATE qty_sum(integer) (SFUNC = int4pl, STYPE = integer, INITCOND = '0');
CREATE VIEW totals AS SELECT qty_sum(qty) AS total FROM sales;
