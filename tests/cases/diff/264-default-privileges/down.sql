-- undo: + default privileges IN SCHEMA app GRANT ON TABLES to strata_golden_reader
ALTER DEFAULT PRIVILEGES IN SCHEMA app REVOKE INSERT, SELECT ON TABLES FROM strata_golden_reader;

-- undo: + default privileges FOR ROLE strata_golden_owner IN SCHEMA app GRANT ON SEQUENCES WITH GRANT OPTION to strata_golden_reader
ALTER DEFAULT PRIVILEGES FOR ROLE strata_golden_owner IN SCHEMA app REVOKE SELECT, USAGE ON SEQUENCES FROM strata_golden_reader;

-- undo: + default privileges FOR ROLE strata_golden_owner REVOKE ON FUNCTIONS to PUBLIC
ALTER DEFAULT PRIVILEGES FOR ROLE strata_golden_owner GRANT EXECUTE ON FUNCTIONS TO PUBLIC;

-- undo: + grant to strata_golden_reader ON TABLE app.t
REVOKE INSERT, SELECT ON TABLE app.t FROM strata_golden_reader;

-- undo: + table app.t
-- hazard: deletes data
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
DROP TABLE app.t;

-- undo: - default privileges IN SCHEMA app GRANT ON TABLES to strata_golden_owner
ALTER DEFAULT PRIVILEGES IN SCHEMA app GRANT SELECT ON TABLES TO strata_golden_owner;
