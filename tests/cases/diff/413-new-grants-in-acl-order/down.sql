-- undo: + grant to Strata Golden Auditor ON TABLE "Books".orders
REVOKE SELECT ON TABLE "Books".orders FROM "Strata Golden Auditor";

-- undo: + grant to Strata Golden Auditor ON TABLE "Books".lines
REVOKE SELECT ON TABLE "Books".lines FROM "Strata Golden Auditor";

-- undo: + grant to strata_golden_reader ON SCHEMA "Books"
REVOKE USAGE ON SCHEMA "Books" FROM strata_golden_reader;

-- undo: + grant to Strata Golden Auditor (note) ON TABLE "Books".orders
REVOKE UPDATE (note) ON TABLE "Books".orders FROM "Strata Golden Auditor";

-- undo: + grant to strata_golden_reader ON TABLE "Books".orders
REVOKE INSERT, SELECT ON TABLE "Books".orders FROM strata_golden_reader;

-- undo: + grant to strata_golden_writer ON SCHEMA "Books"
REVOKE USAGE ON SCHEMA "Books" FROM strata_golden_writer;

-- undo: + grant to strata_golden_writer ON TABLE "Books".orders
REVOKE SELECT ON TABLE "Books".orders FROM strata_golden_writer;

-- undo: + grant to strata_golden_writer ON TABLE "Books".lines
REVOKE SELECT ON TABLE "Books".lines FROM strata_golden_writer;

-- undo: + grant to strata_golden_writer (note) ON TABLE "Books".orders
REVOKE UPDATE (note) ON TABLE "Books".orders FROM strata_golden_writer;

-- undo: + table "Books".lines
-- hazard: deletes data
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
DROP TABLE "Books".lines;
