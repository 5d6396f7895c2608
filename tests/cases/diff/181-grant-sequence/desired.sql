DO $$ BEGIN CREATE ROLE strata_golden_reader; EXCEPTION WHEN duplicate_object THEN NULL; END $$;
CREATE SEQUENCE s;
GRANT USAGE, SELECT ON SEQUENCE s TO strata_golden_reader;
