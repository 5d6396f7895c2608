-- The desired ACL lists kept grantees in another order, drops one and adds
-- one between them: the kept ones that must change places are revoked and
-- granted again, so the ACL reads as the desired one after up, and as this
-- one after down (entry order included, as pg_dump prints it).
DO $$ BEGIN CREATE ROLE strata_golden_reader; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;
DO $$ BEGIN CREATE ROLE strata_golden_writer; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;
DO $$ BEGIN CREATE ROLE strata_golden_swapper; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;
DO $$ BEGIN CREATE ROLE "Strata Golden Auditor"; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;
CREATE SCHEMA app;
CREATE TABLE app.accounts (id integer PRIMARY KEY, name text);
GRANT SELECT ON app.accounts TO "Strata Golden Auditor";
GRANT SELECT ON app.accounts TO strata_golden_reader;
GRANT SELECT, UPDATE ON app.accounts TO strata_golden_writer;
CREATE TABLE app.stays (id integer PRIMARY KEY);
GRANT SELECT ON app.stays TO strata_golden_reader;
GRANT INSERT ON app.stays TO strata_golden_writer;
