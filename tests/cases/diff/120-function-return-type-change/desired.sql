CREATE TABLE t (id int PRIMARY KEY, name text, amount int);
CREATE FUNCTION add_one(x integer) RETURNS bigint LANGUAGE sql IMMUTABLE AS $$ SELECT x + 1 $$;
