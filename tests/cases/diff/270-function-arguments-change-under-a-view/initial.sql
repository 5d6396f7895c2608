CREATE TABLE price (id int PRIMARY KEY, net numeric);
CREATE FUNCTION gross(net numeric) RETURNS numeric LANGUAGE sql IMMUTABLE AS 'SELECT net * 1.2';
CREATE VIEW price_gross AS SELECT id, gross(net) FROM price;
CREATE PROCEDURE reprice(INOUT n numeric) LANGUAGE plpgsql AS $$BEGIN n := n * 2; END$$;
