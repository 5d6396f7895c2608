-- A domain's base type cannot be altered: it is dropped and created again.
-- The columns that use it hold its old base type meanwhile (values kept),
-- and the function bound to it is dropped before and created after.
CREATE DOMAIN amount AS numeric(10,2) CHECK (VALUE >= 0);
CREATE TABLE ledger (id integer PRIMARY KEY, total amount NOT NULL, history amount[]);
INSERT INTO ledger VALUES (1, 12.5, '{1.25,2.5}'), (2, 0, NULL);
CREATE FUNCTION doubled(a amount) RETURNS amount LANGUAGE sql IMMUTABLE AS $$ SELECT (a * 2)::amount $$;
