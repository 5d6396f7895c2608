-- + schema "My App"
CREATE SCHEMA "My App";

-- + enum "My App"."Status" ('new', 'it''s done')
CREATE TYPE "My App"."Status" AS ENUM ('new', 'it''s done');

-- + table "My App"."Order Lines"
CREATE TABLE "My App"."Order Lines" (
    "select" integer,
    "User" bigint,
    status "My App"."Status" DEFAULT 'new'::"My App"."Status",
    CONSTRAINT "Order Lines_select_check" CHECK ("select" > 0)
);
CREATE INDEX "Order Lines By User" ON "My App"."Order Lines" ("User") WHERE ("select" IS NOT NULL);

-- + table "User"
CREATE TABLE public."User" (
    "Id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
    "order" integer NOT NULL,
    "full name" text,
    "quo""te" text,
    CONSTRAINT "User_pkey" PRIMARY KEY ("Id"),
    CONSTRAINT "User_quo""te_key" UNIQUE ("quo""te")
);

-- + foreign key "Order Lines_User_fkey" on "My App"."Order Lines" -> "User"
-- hazard: blocks writes to the table while it runs
ALTER TABLE "My App"."Order Lines" ADD CONSTRAINT "Order Lines_User_fkey" FOREIGN KEY ("User") REFERENCES public."User" ("Id");
