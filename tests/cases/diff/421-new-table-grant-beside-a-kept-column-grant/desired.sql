DO $$ BEGIN CREATE ROLE strata_golden_reader; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;
DO $$ BEGIN CREATE ROLE strata_golden_writer; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;
CREATE TABLE t (id jsonb, note text);
GRANT SELECT (id) ON t TO strata_golden_reader;
GRANT SELECT, INSERT ON t TO strata_golden_reader;
GRANT SELECT (note) ON t TO strata_golden_writer;
