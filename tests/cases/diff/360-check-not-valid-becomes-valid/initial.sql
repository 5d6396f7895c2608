-- "Qty positive" goes NOT VALID -> valid (VALIDATE CONSTRAINT, also on
-- the child that inherits it), "note short" valid -> NOT VALID (drop and
-- add back NOT VALID, its comment kept then changed), plain_a_check stays
-- NOT VALID over a row that violates it.
CREATE SCHEMA "App Data";
CREATE TABLE "App Data"."Order Lines" (id int PRIMARY KEY, "Qty" int, note text);
CREATE TABLE "App Data".child (extra int) INHERITS ("App Data"."Order Lines");
INSERT INTO "App Data"."Order Lines" VALUES (1, 2, 'a'), (2, 5, NULL);
INSERT INTO "App Data".child VALUES (3, 1, 'b', 7);
ALTER TABLE "App Data"."Order Lines" ADD CONSTRAINT "Qty positive" CHECK ("Qty" > 0) NOT VALID;
COMMENT ON CONSTRAINT "Qty positive" ON "App Data"."Order Lines" IS 'kept';
ALTER TABLE "App Data"."Order Lines" ADD CONSTRAINT "note short" CHECK (length(note) < 10);
COMMENT ON CONSTRAINT "note short" ON "App Data"."Order Lines" IS 'old';
CREATE TABLE plain (a int);
INSERT INTO plain VALUES (-1);
ALTER TABLE plain ADD CONSTRAINT plain_a_check CHECK (a > 0) NOT VALID;
