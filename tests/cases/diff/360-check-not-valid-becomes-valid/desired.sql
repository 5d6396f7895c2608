CREATE SCHEMA "App Data";
CREATE TABLE "App Data"."Order Lines" (id int PRIMARY KEY, "Qty" int, note text);
CREATE TABLE "App Data".child (extra int) INHERITS ("App Data"."Order Lines");
ALTER TABLE "App Data"."Order Lines" ADD CONSTRAINT "Qty positive" CHECK ("Qty" > 0);
COMMENT ON CONSTRAINT "Qty positive" ON "App Data"."Order Lines" IS 'kept';
ALTER TABLE "App Data"."Order Lines" ADD CONSTRAINT "note short" CHECK (length(note) < 10) NOT VALID;
COMMENT ON CONSTRAINT "note short" ON "App Data"."Order Lines" IS 'new';
CREATE TABLE plain (a int);
ALTER TABLE plain ADD CONSTRAINT plain_a_check CHECK (a > 0) NOT VALID;
