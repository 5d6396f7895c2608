DO $$ BEGIN CREATE ROLE strata_golden_owner; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;
DO $$ BEGIN CREATE ROLE strata_golden_reader; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;
CREATE TABLE person (id int PRIMARY KEY, name text, salary numeric);
GRANT SELECT ON person TO strata_golden_reader;
