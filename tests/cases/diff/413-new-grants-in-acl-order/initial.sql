-- New grantees are created in the order of the desired ACL (GRANT appends
-- an entry), not by name: relation, column and schema ACLs come out as
-- pg_dump prints the desired ones, both ways.
DO $$ BEGIN CREATE ROLE strata_golden_reader; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;
DO $$ BEGIN CREATE ROLE strata_golden_writer; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;
DO $$ BEGIN CREATE ROLE "Strata Golden Auditor"; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;
CREATE SCHEMA "Books";
CREATE TABLE "Books".orders (id integer PRIMARY KEY, total numeric, note text);
