-- Privileges granted and revoked one by one, grant options given and
-- taken back (REVOKE GRANT OPTION FOR), quoted names in a non-public
-- schema, a grantee whose privileges all change (granted before revoked,
-- so its entry never empties): every grantee keeps its place in the ACL,
-- both ways.
DO $$ BEGIN CREATE ROLE strata_golden_reader; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;
DO $$ BEGIN CREATE ROLE strata_golden_writer; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;
DO $$ BEGIN CREATE ROLE "Strata Golden Auditor"; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;
DO $$ BEGIN CREATE ROLE strata_golden_swapper; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;
CREATE SCHEMA app;
CREATE TABLE app."Ledger" (id integer PRIMARY KEY, amount numeric, note text);
GRANT SELECT ON app."Ledger" TO strata_golden_reader WITH GRANT OPTION;
GRANT SELECT, INSERT ON app."Ledger" TO "Strata Golden Auditor";
GRANT UPDATE (note) ON app."Ledger" TO strata_golden_writer;
GRANT SELECT ON app."Ledger" TO strata_golden_writer;
GRANT SELECT ON app."Ledger" TO strata_golden_swapper;
GRANT DELETE ON app."Ledger" TO PUBLIC;
