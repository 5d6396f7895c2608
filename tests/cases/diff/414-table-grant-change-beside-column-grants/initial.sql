-- A relation-level REVOKE reaches the columns: a grantee whose table
-- privileges shrink while it gains a column grant, one whose table grant
-- grows while it keeps a column grant (the way back revokes), and one
-- whose column grant changes while its table grant is re-granted, all
-- end with exactly the desired privileges, both ways.
DO $$ BEGIN CREATE ROLE strata_golden_reader; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;
DO $$ BEGIN CREATE ROLE strata_golden_writer; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;
DO $$ BEGIN CREATE ROLE "Strata Golden Auditor"; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;
CREATE TABLE notes (id integer PRIMARY KEY, note text, body text);
GRANT SELECT, UPDATE ON notes TO strata_golden_reader;
GRANT UPDATE (note) ON notes TO strata_golden_writer;
GRANT SELECT ON notes TO strata_golden_writer;
GRANT SELECT, UPDATE ON notes TO "Strata Golden Auditor";
GRANT UPDATE (note) ON notes TO "Strata Golden Auditor";
