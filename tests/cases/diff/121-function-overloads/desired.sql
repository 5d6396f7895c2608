CREATE TABLE t (id int PRIMARY KEY, name text, amount int);
CREATE FUNCTION add_one(x integer) RETURNS integer LANGUAGE sql IMMUTABLE AS $$ SELECT x + 1 $$;
CREATE FUNCTION add_one(x text) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT x || '1' $$;
