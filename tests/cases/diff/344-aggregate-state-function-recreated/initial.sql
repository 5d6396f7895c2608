CREATE FUNCTION add_qty(s integer, x integer) RETURNS integer
    LANGUAGE sql IMMUTABLE STRICT AS $$ SELECT s + x $$;
CREATE AGGREGATE qty_sum(integer) (SFUNC = add_qty, STYPE = integer, INITCOND = '0');
CREATE TABLE sales (id int PRIMARY KEY, qty integer NOT NULL);
CREATE VIEW totals AS SELECT qty_sum(qty) AS total FROM sales;
