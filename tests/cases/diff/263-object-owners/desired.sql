DO $$ BEGIN CREATE ROLE strata_golden_owner; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;
-- app.item: owned by strata_golden_owner before, by the role that reads (and
-- migrates) here: a plan between two schemas leaves it (an owner is unmanaged
-- where the desired side states none); `diff` between two databases states
-- OWNER TO CURRENT_USER for it.
DO $$ BEGIN CREATE ROLE strata_golden_reader; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;
CREATE SCHEMA app AUTHORIZATION strata_golden_owner;
CREATE TABLE app.item (id int PRIMARY KEY, name text);
CREATE VIEW app.item_names AS SELECT name FROM app.item;
CREATE FUNCTION app.item_count() RETURNS bigint LANGUAGE sql AS 'SELECT count(*) FROM app.item';
CREATE SEQUENCE app.ticket;
CREATE TYPE app.state AS ENUM ('open', 'closed');
ALTER VIEW app.item_names OWNER TO strata_golden_owner;
ALTER FUNCTION app.item_count() OWNER TO strata_golden_owner;
ALTER SEQUENCE app.ticket OWNER TO strata_golden_owner;
ALTER TYPE app.state OWNER TO strata_golden_owner;
-- A new table owned by another role; one owned by whoever migrates.
CREATE TABLE app.audit (id int);
ALTER TABLE app.audit OWNER TO strata_golden_reader;
CREATE TABLE app.note (id int);
