-- The enum gets a value (its inverse re-creates it): the function and the
-- aggregate bound to it, and the view using the aggregate, go before it
-- changes and come back after.
CREATE TYPE mood AS ENUM ('sad', 'calm', 'happy');
CREATE TABLE visit (id int PRIMARY KEY, feeling mood NOT NULL);
CREATE FUNCTION count_happy(n integer, m mood) RETURNS integer
    LANGUAGE sql IMMUTABLE STRICT AS $$ SELECT n + CASE WHEN m = 'happy' THEN 1 ELSE 0 END $$;
CREATE AGGREGATE happy_count(mood) (SFUNC = count_happy, STYPE = integer, INITCOND = '0');
CREATE VIEW happy AS SELECT happy_count(feeling) AS n FROM visit;
