-- undo: + index "Foobar_3_Part" on "Foobar_3"
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
DROP INDEX public."Foobar_3_Part";

-- undo: ~ partitions of "Foobar" with an index attached to "Partitioned_Idx": "Foobar_3", foobar_1, foobar_2 -> foobar_1, foobar_2
-- hazard: blocks writes to the table while it runs
-- lock: SHARE
CREATE INDEX "Foobar_3_Part" ON public."Foobar_3" (foo);
ALTER INDEX public."Partitioned_Idx" ATTACH PARTITION public."Foobar_3_Part";
