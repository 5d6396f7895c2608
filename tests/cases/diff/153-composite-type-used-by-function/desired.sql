CREATE TABLE t (id int PRIMARY KEY, name text, amount int);
CREATE TYPE pair AS (a integer, b text);
CREATE FUNCTION make_pair(x integer) RETURNS pair LANGUAGE sql AS $$ SELECT x, 'b'::text $$;
