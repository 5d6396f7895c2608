CREATE DOMAIN amount AS numeric(20,4) CHECK (VALUE >= 0);
CREATE TABLE ledger (id integer PRIMARY KEY, total amount NOT NULL, history amount[]);
CREATE FUNCTION doubled(a amount) RETURNS amount LANGUAGE sql IMMUTABLE AS $$ SELECT (a * 2)::amount $$;
