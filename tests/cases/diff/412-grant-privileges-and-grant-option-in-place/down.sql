-- undo: ~ grant to strata_golden_writer ON TABLE app."Ledger" (replaced in place)
REVOKE GRANT OPTION FOR SELECT ON TABLE app."Ledger" FROM strata_golden_writer;

-- undo: ~ grant to strata_golden_reader ON TABLE app."Ledger" (replaced in place)
REVOKE UPDATE ON TABLE app."Ledger" FROM strata_golden_reader;
GRANT SELECT ON TABLE app."Ledger" TO strata_golden_reader WITH GRANT OPTION;

-- undo: ~ grant to Strata Golden Auditor ON TABLE app."Ledger" (replaced in place)
REVOKE GRANT OPTION FOR SELECT ON TABLE app."Ledger" FROM "Strata Golden Auditor";
GRANT INSERT ON TABLE app."Ledger" TO "Strata Golden Auditor";

-- undo: ~ grant to PUBLIC ON TABLE app."Ledger" (replaced in place)
REVOKE TRUNCATE ON TABLE app."Ledger" FROM PUBLIC;
