-- CLUSTER ON: moved to another index, set on a key, removed, kept on an
-- index that is made again, and on a new table.
CREATE TABLE testtable (id integer PRIMARY KEY, "Col 1" integer, col2 text);
CREATE INDEX testindex ON testtable ("Col 1");
CREATE INDEX other ON testtable (col2);
ALTER TABLE testtable CLUSTER ON testindex;
CREATE TABLE unclustered (id integer PRIMARY KEY, v text);
CREATE TABLE remade (id integer, v text);
CREATE INDEX remade_v ON remade (v DESC);
ALTER TABLE remade CLUSTER ON remade_v;
CREATE TABLE "New" (id integer PRIMARY KEY);
ALTER TABLE "New" CLUSTER ON "New_pkey";
