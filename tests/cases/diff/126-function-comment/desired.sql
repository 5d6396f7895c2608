CREATE TABLE t (id int PRIMARY KEY, name text, amount int);
CREATE FUNCTION add_one(x integer) RETURNS integer LANGUAGE sql IMMUTABLE AS $$ SELECT x + 1 $$;
COMMENT ON FUNCTION add_one(integer) IS 'adds one';
