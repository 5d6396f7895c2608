CREATE FUNCTION positive(x integer) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$ SELECT x > 0 $$;
CREATE TABLE t (id int PRIMARY KEY, name text, amount int CHECK (public.positive(amount)));
