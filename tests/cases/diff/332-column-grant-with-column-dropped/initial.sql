DO $$ BEGIN CREATE ROLE strata_golden_reader; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;
CREATE TABLE t (id int PRIMARY KEY, a interval, b text);
GRANT UPDATE (a) ON t TO strata_golden_reader;
GRANT SELECT ON t TO strata_golden_reader;
