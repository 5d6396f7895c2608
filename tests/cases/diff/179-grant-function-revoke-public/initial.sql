CREATE TABLE t (id int PRIMARY KEY, name text, secret text);
CREATE FUNCTION f(x integer) RETURNS integer LANGUAGE sql AS $$ SELECT x $$;
