DO $$ BEGIN CREATE ROLE strata_golden_reader; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;
CREATE TABLE item (id int PRIMARY KEY, name text);
