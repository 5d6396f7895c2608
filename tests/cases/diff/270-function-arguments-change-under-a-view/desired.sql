CREATE TABLE price (id int PRIMARY KEY, net numeric);
-- A new argument with a default: gross(net) would be ambiguous while both exist.
CREATE FUNCTION gross(net numeric, rate numeric DEFAULT 1.2) RETURNS numeric LANGUAGE sql IMMUTABLE
  AS 'SELECT net * rate';
CREATE VIEW price_gross AS SELECT id, gross(net) FROM price;
CREATE PROCEDURE reprice(INOUT n numeric, factor numeric DEFAULT 2) LANGUAGE plpgsql
  AS $$BEGIN n := n * factor; END$$;
