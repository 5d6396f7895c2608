-- Objects owned by another role that the target drops or makes again: the
-- way back gives them their owner again.
DO $$ BEGIN CREATE ROLE strata_golden_owner; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;
CREATE TYPE bug_status AS ENUM ('new', 'open');
ALTER TYPE bug_status OWNER TO strata_golden_owner;
CREATE TYPE pair AS (name text, amount integer);
ALTER TYPE pair OWNER TO strata_golden_owner;
CREATE FUNCTION twice(n integer) RETURNS integer LANGUAGE sql IMMUTABLE AS 'SELECT n * 2';
ALTER FUNCTION twice(integer) OWNER TO strata_golden_owner;
CREATE TABLE items (id integer PRIMARY KEY, name text);
ALTER TABLE items OWNER TO strata_golden_owner;
CREATE VIEW item_names AS SELECT id, name FROM items;
ALTER VIEW item_names OWNER TO strata_golden_owner;
CREATE TABLE gone (id integer);
ALTER TABLE gone OWNER TO strata_golden_owner;
