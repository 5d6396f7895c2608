-- The public schema's privileges as pg_dump of an older server writes
-- them: CREATE for everyone, both for a role. USAGE for PUBLIC is
-- initdb's and no grant of the schema's.
DO $$ BEGIN CREATE ROLE strata_public_reader; EXCEPTION WHEN duplicate_object THEN NULL; END $$;
REVOKE ALL ON SCHEMA public FROM PUBLIC;
GRANT ALL ON SCHEMA public TO strata_public_reader;
GRANT ALL ON SCHEMA public TO PUBLIC;
CREATE TABLE t (id integer);
