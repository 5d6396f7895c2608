-- undo: ~ grant to strata_golden_writer ON TABLE app.stays (replaced in place)
REVOKE DELETE ON TABLE app.stays FROM strata_golden_writer;

-- undo: + grant to strata_golden_swapper ON TABLE app.stays
REVOKE SELECT ON TABLE app.stays FROM strata_golden_swapper;

-- undo: + grant to Strata Golden Auditor ON TABLE app.accounts
REVOKE SELECT, UPDATE ON TABLE app.accounts FROM "Strata Golden Auditor";

-- undo: + grant to strata_golden_swapper ON TABLE app.accounts
REVOKE SELECT ON TABLE app.accounts FROM strata_golden_swapper;

-- undo: + grant to strata_golden_reader ON TABLE app.accounts
REVOKE SELECT ON TABLE app.accounts FROM strata_golden_reader;

-- undo: - grant to Strata Golden Auditor ON TABLE app.accounts
GRANT SELECT ON TABLE app.accounts TO "Strata Golden Auditor";

-- undo: - grant to strata_golden_reader ON TABLE app.accounts
GRANT SELECT ON TABLE app.accounts TO strata_golden_reader;

-- undo: - grant to strata_golden_writer ON TABLE app.accounts
GRANT SELECT, UPDATE ON TABLE app.accounts TO strata_golden_writer;
