CREATE FUNCTION next_code() RETURNS text LANGUAGE sql AS $$ SELECT 'c' $$;
CREATE TABLE t (id int PRIMARY KEY, name text DEFAULT public.next_code(), amount int);
