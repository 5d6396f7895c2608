-- undo: ~ comment on constraint "note short" on "App Data"."Order Lines"
COMMENT ON CONSTRAINT "note short" ON "App Data"."Order Lines" IS 'old';

-- undo: ~ check "note short" on "App Data"."Order Lines": not valid (dropped and added back NOT VALID)
-- hazard: can fail on existing rows
-- lock: SHARE UPDATE EXCLUSIVE, held while every row is read
ALTER TABLE "App Data"."Order Lines" VALIDATE CONSTRAINT "note short";

-- undo: ~ check "Qty positive" on "App Data"."Order Lines": validated
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE "App Data"."Order Lines" DROP CONSTRAINT "Qty positive";
ALTER TABLE "App Data"."Order Lines" ADD CONSTRAINT "Qty positive" CHECK ("Qty" > 0) NOT VALID;
COMMENT ON CONSTRAINT "Qty positive" ON "App Data"."Order Lines" IS 'kept';
