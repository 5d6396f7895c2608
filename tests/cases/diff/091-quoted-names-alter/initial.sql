CREATE TABLE "User" ("Id" integer PRIMARY KEY, "order" text, "full name" text);
