CREATE SCHEMA "My App";
CREATE TYPE "My App"."Status" AS ENUM ('new', 'it''s done');
CREATE TABLE "User" (
    "Id" bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    "order" integer NOT NULL,
    "full name" text,
    "quo""te" text UNIQUE
);
CREATE TABLE "My App"."Order Lines" (
    "select" integer CHECK ("select" > 0),
    "User" bigint REFERENCES "User" ("Id"),
    status "My App"."Status" DEFAULT 'new'
);
CREATE INDEX "Order Lines By User" ON "My App"."Order Lines" ("User") WHERE "select" IS NOT NULL;
