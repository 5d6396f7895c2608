-- undo: + partition foobar_2 of foobar FOR VALUES IN ('foo_2')
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.foobar DETACH PARTITION public.foobar_2;

-- undo: + partition foobar_1 of foobar FOR VALUES IN ('foo_1')
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.foobar DETACH PARTITION public.foobar_1;

-- undo: + partition "Other"."Part A" of "Other"."Parent" FOR VALUES IN ('a')
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE "Other"."Parent" DETACH PARTITION "Other"."Part A";

-- undo: + table "Other"."Part B"
-- hazard: deletes data
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
DROP TABLE "Other"."Part B";

-- undo: + table foobar_2
-- hazard: deletes data
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
DROP TABLE public.foobar_2;

-- undo: + table foobar_1
-- hazard: deletes data
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
DROP TABLE public.foobar_1;

-- undo: + table "Other"."Part A"
-- hazard: deletes data
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
DROP TABLE "Other"."Part A";

-- undo: + table "Other"."Parent"
-- hazard: deletes data
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
DROP TABLE "Other"."Parent";

-- undo: + schema "Other"
-- hazard: deletes data
DROP SCHEMA "Other";
