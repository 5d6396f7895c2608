-- undo: ~ grant to strata_golden_writer ON TABLE app."Ledger" (replaced in place)
REVOKE GRANT OPTION FOR SELECT ON TABLE app."Ledger" FROM strata_golden_writer;

-- undo: ~ grant to strata_golden_swapper ON TABLE app."Ledger" (replaced in place)
GRANT SELECT ON TABLE app."Ledger" TO strata_golden_swapper;
REVOKE INSERT ON TABLE app."Ledger" FROM strata_golden_swapper;

-- undo: ~ grant to strata_golden_reader ON TABLE app."Ledger" (replaced in place)
GRANT SELECT ON TABLE app."Ledger" TO strata_golden_reader WITH GRANT OPTION;
REVOKE UPDATE ON TABLE app."Ledger" FROM strata_golden_reader;

-- undo: ~ grant to Strata Golden Auditor ON TABLE app."Ledger" (replaced in place)
GRANT INSERT ON TABLE app."Ledger" TO "Strata Golden Auditor";
REVOKE GRANT OPTION FOR SELECT ON TABLE app."Ledger" FROM "Strata Golden Auditor";

-- undo: ~ grant to PUBLIC ON TABLE app."Ledger" (replaced in place)
REVOKE TRUNCATE ON TABLE app."Ledger" FROM PUBLIC;
