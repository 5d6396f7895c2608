-- A grantee with a column grant gets a relation-level grant of the same
-- privilege (and of another): the down migration's REVOKE on the table
-- reaches the column too, so the kept column grant is granted again after
-- it. Another grantee's relation-level grant goes while it keeps its
-- column grant (up revokes, and grants the column again).
DO $$ BEGIN CREATE ROLE strata_golden_reader; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;
DO $$ BEGIN CREATE ROLE strata_golden_writer; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;
CREATE TABLE t (id jsonb, note text);
GRANT SELECT (id) ON t TO strata_golden_reader;
GRANT SELECT (note) ON t TO strata_golden_writer;
GRANT SELECT ON t TO strata_golden_writer;
