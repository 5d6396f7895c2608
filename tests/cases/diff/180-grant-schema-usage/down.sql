-- undo: + grant to strata_golden_reader ON SCHEMA app
REVOKE USAGE ON SCHEMA app FROM strata_golden_reader;
