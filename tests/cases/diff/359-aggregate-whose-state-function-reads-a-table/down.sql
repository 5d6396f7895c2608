-- undo: + aggregate "Agg Ops"."Bonus Total"(integer)
DROP AGGREGATE "Agg Ops"."Bonus Total"(integer);

-- undo: + function "Agg Ops".add_with_bonus(s integer, x integer)
DROP FUNCTION "Agg Ops".add_with_bonus(s integer, x integer);

-- undo: + table "Agg Ops".bonus
-- hazard: deletes data
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
DROP TABLE "Agg Ops".bonus;
