-- undo: - range type "Range Ops".span
CREATE TYPE "Range Ops".span AS RANGE (SUBTYPE = integer);

-- undo: - column "Range Ops".slot.during
-- note: re-creates the definition only; the data the up migration deleted is not restored
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE "Range Ops".slot ADD COLUMN during "Range Ops".span;
