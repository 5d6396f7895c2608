-- The state function's argument names change (CREATE OR REPLACE cannot):
-- it is dropped and created again, so the aggregate that uses it, and the
-- view that uses the aggregate, go before it and come back after.
CREATE FUNCTION add_qty(total integer, qty integer) RETURNS integer
    LANGUAGE sql IMMUTABLE STRICT AS $$ SELECT total + qty $$;
CREATE AGGREGATE qty_sum(integer) (SFUNC = add_qty, STYPE = integer, INITCOND = '0');
CREATE TABLE sales (id int PRIMARY KEY, qty integer NOT NULL);
CREATE VIEW totals AS SELECT qty_sum(qty) AS total FROM sales;
