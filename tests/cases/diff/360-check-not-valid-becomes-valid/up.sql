-- ~ check "Qty positive" on "App Data"."Order Lines": validated
-- hazard: can fail on existing rows
-- lock: SHARE UPDATE EXCLUSIVE, held while every row is read
ALTER TABLE "App Data"."Order Lines" VALIDATE CONSTRAINT "Qty positive";

-- ~ check "note short" on "App Data"."Order Lines": not valid (dropped and added back NOT VALID)
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE "App Data"."Order Lines" DROP CONSTRAINT "note short";
ALTER TABLE "App Data"."Order Lines" ADD CONSTRAINT "note short" CHECK (length(note) < 10) NOT VALID;
COMMENT ON CONSTRAINT "note short" ON "App Data"."Order Lines" IS 'old';

-- ~ comment on constraint "note short" on "App Data"."Order Lines"
COMMENT ON CONSTRAINT "note short" ON "App Data"."Order Lines" IS 'new';
