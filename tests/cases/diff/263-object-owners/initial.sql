DO $$ BEGIN CREATE ROLE strata_golden_owner; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;
DO $$ BEGIN CREATE ROLE strata_golden_reader; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;
CREATE SCHEMA app;
CREATE TABLE app.item (id int PRIMARY KEY, name text);
CREATE VIEW app.item_names AS SELECT name FROM app.item;
CREATE FUNCTION app.item_count() RETURNS bigint LANGUAGE sql AS 'SELECT count(*) FROM app.item';
CREATE SEQUENCE app.ticket;
CREATE TYPE app.state AS ENUM ('open', 'closed');
ALTER TABLE app.item OWNER TO strata_golden_owner;
