-- - statistics "Stat Ops".visit_bc
DROP STATISTICS "Stat Ops".visit_bc;

-- - statistics "Stat Ops".visit_ab
DROP STATISTICS "Stat Ops".visit_ab;

-- - statistics "Stat Ops"."gone with it"
DROP STATISTICS "Stat Ops"."gone with it";

-- - column "Stat Ops".visit.a
-- hazard: deletes data
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE "Stat Ops".visit DROP COLUMN a;
