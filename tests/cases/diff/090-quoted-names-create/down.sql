-- undo: + foreign key "Order Lines_User_fkey" on "My App"."Order Lines" -> "User"
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE "My App"."Order Lines" DROP CONSTRAINT "Order Lines_User_fkey";

-- undo: + table "User"
-- hazard: deletes data
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
DROP TABLE public."User";

-- undo: + table "My App"."Order Lines"
-- hazard: deletes data
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
DROP TABLE "My App"."Order Lines";

-- undo: + enum "My App"."Status" ('new', 'it''s done')
-- hazard: deletes data
DROP TYPE "My App"."Status";

-- undo: + schema "My App"
-- hazard: deletes data
DROP SCHEMA "My App";
