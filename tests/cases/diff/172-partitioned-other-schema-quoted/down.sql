-- undo: + table "Log"."Entry 2024"
-- hazard: deletes data
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
DROP TABLE "Log"."Entry 2024";

-- undo: + table "Log"."Entry"
-- hazard: deletes data
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
DROP TABLE "Log"."Entry";
