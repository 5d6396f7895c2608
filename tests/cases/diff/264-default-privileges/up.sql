-- - default privileges IN SCHEMA app GRANT ON TABLES to strata_golden_owner
ALTER DEFAULT PRIVILEGES IN SCHEMA app REVOKE SELECT ON TABLES FROM strata_golden_owner;

-- + table app.t
CREATE TABLE app.t (
    id integer
);

-- + grant to strata_golden_reader ON TABLE app.t
GRANT INSERT, SELECT ON TABLE app.t TO strata_golden_reader;

-- + default privileges FOR ROLE strata_golden_owner REVOKE ON FUNCTIONS to PUBLIC
ALTER DEFAULT PRIVILEGES FOR ROLE strata_golden_owner REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;

-- + default privileges FOR ROLE strata_golden_owner IN SCHEMA app GRANT ON SEQUENCES WITH GRANT OPTION to strata_golden_reader
ALTER DEFAULT PRIVILEGES FOR ROLE strata_golden_owner IN SCHEMA app GRANT SELECT, USAGE ON SEQUENCES TO strata_golden_reader WITH GRANT OPTION;

-- + default privileges IN SCHEMA app GRANT ON TABLES to strata_golden_reader
ALTER DEFAULT PRIVILEGES IN SCHEMA app GRANT INSERT, SELECT ON TABLES TO strata_golden_reader;
