-- undo: ~ grant to strata_golden_owner ON TABLE app.v (replaced in place)
GRANT DELETE ON TABLE app.v TO strata_golden_owner;
GRANT INSERT ON TABLE app.v TO strata_golden_owner;
GRANT SELECT ON TABLE app.v TO strata_golden_owner;
GRANT UPDATE ON TABLE app.v TO strata_golden_owner;

-- undo: ~ grant to strata_golden_reader ON FUNCTION app.f(x integer) (replaced in place)
GRANT EXECUTE ON FUNCTION app.f(x integer) TO strata_golden_reader;

-- undo: ~ grant to strata_golden_reader ON SEQUENCE app.s (replaced in place)
GRANT USAGE ON SEQUENCE app.s TO strata_golden_reader WITH GRANT OPTION;

-- undo: ~ grant to strata_golden_reader ON TABLE app.secrets (replaced in place)
GRANT SELECT ON TABLE app.secrets TO strata_golden_reader;

-- undo: ~ grant to strata_golden_owner ON TABLE app."Read Only" (replaced in place)
GRANT DELETE ON TABLE app."Read Only" TO strata_golden_owner;
GRANT INSERT ON TABLE app."Read Only" TO strata_golden_owner;
GRANT UPDATE ON TABLE app."Read Only" TO strata_golden_owner;

-- undo: + view app.v
DROP VIEW app.v;

-- undo: + table app.secrets
-- hazard: deletes data
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
DROP TABLE app.secrets;

-- undo: + table app.plain
-- hazard: deletes data
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
DROP TABLE app.plain;

-- undo: + table app."Read Only"
-- hazard: deletes data
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
DROP TABLE app."Read Only";

-- undo: + function app.f(x integer)
DROP FUNCTION app.f(x integer);

-- undo: + sequence app.s
-- hazard: deletes data
DROP SEQUENCE app.s;
