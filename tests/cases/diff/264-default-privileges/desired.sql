DO $$ BEGIN CREATE ROLE strata_golden_owner; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;
DO $$ BEGIN CREATE ROLE strata_golden_reader; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;
CREATE SCHEMA app;
ALTER DEFAULT PRIVILEGES IN SCHEMA app GRANT SELECT, INSERT ON TABLES TO strata_golden_reader;
ALTER DEFAULT PRIVILEGES FOR ROLE strata_golden_owner IN SCHEMA app
  GRANT USAGE, SELECT ON SEQUENCES TO strata_golden_reader WITH GRANT OPTION;
-- A global entry: takes away the built-in EXECUTE for PUBLIC.
ALTER DEFAULT PRIVILEGES FOR ROLE strata_golden_owner REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;
-- Created after the default privileges: the table gets the grant too.
CREATE TABLE app.t (id int);
