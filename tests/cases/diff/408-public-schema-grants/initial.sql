DO $$ BEGIN CREATE ROLE strata_public_reader; EXCEPTION WHEN duplicate_object THEN NULL; END $$;
CREATE TABLE t (id integer);
