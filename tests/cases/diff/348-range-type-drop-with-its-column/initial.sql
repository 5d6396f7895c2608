CREATE SCHEMA "Range Ops";
CREATE TYPE "Range Ops".span AS RANGE (SUBTYPE = integer);
CREATE TABLE "Range Ops".slot (id int PRIMARY KEY, during "Range Ops".span);
INSERT INTO "Range Ops".slot VALUES (1, '[1,5)');
