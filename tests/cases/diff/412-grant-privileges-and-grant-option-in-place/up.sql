-- ~ grant to PUBLIC ON TABLE app."Ledger" (replaced in place)
GRANT TRUNCATE ON TABLE app."Ledger" TO PUBLIC;

-- ~ grant to Strata Golden Auditor ON TABLE app."Ledger" (replaced in place)
GRANT SELECT ON TABLE app."Ledger" TO "Strata Golden Auditor" WITH GRANT OPTION;
REVOKE INSERT ON TABLE app."Ledger" FROM "Strata Golden Auditor";

-- ~ grant to strata_golden_reader ON TABLE app."Ledger" (replaced in place)
GRANT UPDATE ON TABLE app."Ledger" TO strata_golden_reader;
REVOKE GRANT OPTION FOR SELECT ON TABLE app."Ledger" FROM strata_golden_reader;

-- ~ grant to strata_golden_swapper ON TABLE app."Ledger" (replaced in place)
GRANT INSERT ON TABLE app."Ledger" TO strata_golden_swapper;
REVOKE SELECT ON TABLE app."Ledger" FROM strata_golden_swapper;

-- ~ grant to strata_golden_writer ON TABLE app."Ledger" (replaced in place)
GRANT SELECT ON TABLE app."Ledger" TO strata_golden_writer WITH GRANT OPTION;
