DO $$ BEGIN CREATE ROLE strata_golden_owner; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;
DO $$ BEGIN CREATE ROLE strata_golden_reader; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;
CREATE SCHEMA app;
ALTER DEFAULT PRIVILEGES IN SCHEMA app GRANT SELECT ON TABLES TO strata_golden_reader;
ALTER DEFAULT PRIVILEGES IN SCHEMA app GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO strata_golden_owner;
ALTER DEFAULT PRIVILEGES GRANT USAGE ON SEQUENCES TO strata_golden_reader WITH GRANT OPTION;
ALTER DEFAULT PRIVILEGES IN SCHEMA app GRANT EXECUTE ON FUNCTIONS TO strata_golden_reader;
-- Kept as the default privileges made it.
CREATE TABLE app.plain (id int);
-- The reader's SELECT taken away entirely.
CREATE TABLE app.secrets (id int, data text);
REVOKE SELECT ON app.secrets FROM strata_golden_reader;
-- The writer left with SELECT only.
CREATE TABLE app."Read Only" (id int);
REVOKE INSERT, UPDATE, DELETE ON app."Read Only" FROM strata_golden_owner;
CREATE VIEW app.v AS SELECT id FROM app.plain;
REVOKE ALL ON app.v FROM strata_golden_owner;
-- A sequence: the grant option taken away.
CREATE SEQUENCE app.s;
REVOKE GRANT OPTION FOR USAGE ON SEQUENCE app.s FROM strata_golden_reader;
CREATE FUNCTION app.f(x int) RETURNS int LANGUAGE sql AS 'SELECT x';
REVOKE EXECUTE ON FUNCTION app.f(int) FROM strata_golden_reader;
