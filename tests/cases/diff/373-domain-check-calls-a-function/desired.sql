CREATE SCHEMA money;
CREATE FUNCTION money.is_finite(v numeric) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$ SELECT v <> 'NaN'::numeric $$;
CREATE DOMAIN money.finite AS numeric CONSTRAINT finite_check CHECK (money.is_finite(VALUE));
CREATE TABLE t (id integer PRIMARY KEY, price money.finite);
