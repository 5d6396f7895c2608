-- undo: + column "Range Ops".booking.spans public.span[]
-- hazard: deletes data
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE "Range Ops".booking DROP COLUMN spans;

-- undo: + column "Range Ops".booking.gaps "Range Ops"."text ranges"
-- hazard: deletes data
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE "Range Ops".booking DROP COLUMN gaps;

-- undo: + column "Range Ops".booking.letters public.textrange
-- hazard: deletes data
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE "Range Ops".booking DROP COLUMN letters;

-- undo: + column "Range Ops".booking.weights "Range Ops"."Float Range"
-- hazard: deletes data
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE "Range Ops".booking DROP COLUMN weights;

-- undo: + table slot
-- hazard: deletes data
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
DROP TABLE public.slot;

-- undo: + range type textrange
DROP TYPE public.textrange;

-- undo: + range type span
DROP TYPE public.span;

-- undo: + range type "Range Ops"."Float Range"
DROP TYPE "Range Ops"."Float Range";
