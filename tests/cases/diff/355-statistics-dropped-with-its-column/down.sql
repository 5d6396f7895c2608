-- undo: - column "Stat Ops".visit.a
-- note: re-creates the definition only; the data the up migration deleted is not restored
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE "Stat Ops".visit ADD COLUMN a integer;

-- undo: - statistics "Stat Ops"."gone with it"
CREATE STATISTICS "Stat Ops"."gone with it" ON a, c FROM "Stat Ops".visit;

-- undo: - statistics "Stat Ops".visit_ab
CREATE STATISTICS "Stat Ops".visit_ab ON a, b FROM "Stat Ops".visit;

-- undo: - statistics "Stat Ops".visit_bc
CREATE STATISTICS "Stat Ops".visit_bc ON b, c FROM "Stat Ops".visit;
