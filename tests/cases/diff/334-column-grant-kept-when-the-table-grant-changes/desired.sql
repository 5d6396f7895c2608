DO $$ BEGIN CREATE ROLE strata_golden_reader; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;
CREATE TABLE t (id int PRIMARY KEY, b int);
GRANT UPDATE (b) ON t TO strata_golden_reader;
GRANT UPDATE ON t TO strata_golden_reader;
