CREATE TABLE "User" ("Id" bigint PRIMARY KEY, "order" integer NOT NULL DEFAULT 0, "Full Name" text, "quo""te" boolean);
CREATE INDEX "User order" ON "User" ("order" DESC);
