CREATE SCHEMA "App";
CREATE TABLE "App"."Order" ("Id" int PRIMARY KEY, "select" text);
CREATE VIEW "App"."My View" AS SELECT "Id", "select" FROM "App"."Order";
COMMENT ON VIEW "App"."My View" IS 'it''s a view';
