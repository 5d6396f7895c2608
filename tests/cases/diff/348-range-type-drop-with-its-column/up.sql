-- - column "Range Ops".slot.during
-- hazard: deletes data
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE "Range Ops".slot DROP COLUMN during;

-- - range type "Range Ops".span
DROP TYPE "Range Ops".span;
