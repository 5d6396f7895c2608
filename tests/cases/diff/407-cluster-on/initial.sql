CREATE TABLE testtable (id integer PRIMARY KEY, "Col 1" integer, col2 text);
CREATE INDEX testindex ON testtable ("Col 1");
CREATE INDEX other ON testtable (col2);
ALTER TABLE testtable CLUSTER ON other;
CREATE TABLE unclustered (id integer PRIMARY KEY, v text);
ALTER TABLE unclustered CLUSTER ON unclustered_pkey;
CREATE TABLE remade (id integer, v text);
CREATE INDEX remade_v ON remade (v);
ALTER TABLE remade CLUSTER ON remade_v;
