CREATE TYPE mood AS ENUM ('sad', 'happy');
CREATE TABLE visit (id int PRIMARY KEY, feeling mood NOT NULL);
INSERT INTO visit VALUES (1, 'sad'), (2, 'happy');
CREATE FUNCTION count_happy(n integer, m mood) RETURNS integer
    LANGUAGE sql IMMUTABLE STRICT AS $$ SELECT n + CASE WHEN m = 'happy' THEN 1 ELSE 0 END $$;
CREATE AGGREGATE happy_count(mood) (SFUNC = count_happy, STYPE = integer, INITCOND = '0');
CREATE VIEW happy AS SELECT happy_count(feeling) AS n FROM visit;
