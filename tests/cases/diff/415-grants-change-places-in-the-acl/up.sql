-- - grant to strata_golden_writer ON TABLE app.accounts
REVOKE SELECT, UPDATE ON TABLE app.accounts FROM strata_golden_writer;

-- - grant to strata_golden_reader ON TABLE app.accounts
REVOKE SELECT ON TABLE app.accounts FROM strata_golden_reader;

-- - grant to Strata Golden Auditor ON TABLE app.accounts
REVOKE SELECT ON TABLE app.accounts FROM "Strata Golden Auditor";

-- + grant to strata_golden_reader ON TABLE app.accounts
GRANT SELECT ON TABLE app.accounts TO strata_golden_reader;

-- + grant to strata_golden_swapper ON TABLE app.accounts
GRANT SELECT ON TABLE app.accounts TO strata_golden_swapper;

-- + grant to Strata Golden Auditor ON TABLE app.accounts
GRANT SELECT, UPDATE ON TABLE app.accounts TO "Strata Golden Auditor";

-- + grant to strata_golden_swapper ON TABLE app.stays
GRANT SELECT ON TABLE app.stays TO strata_golden_swapper;

-- ~ grant to strata_golden_writer ON TABLE app.stays (replaced in place)
GRANT DELETE ON TABLE app.stays TO strata_golden_writer;
