-- + grant to strata_golden_reader ON SCHEMA app
GRANT USAGE ON SCHEMA app TO strata_golden_reader;
