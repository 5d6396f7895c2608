CREATE SCHEMA "App";
CREATE TABLE "App"."Order" ("Id" int PRIMARY KEY, "select" text);
