CREATE SCHEMA "Text Ops";
CREATE COLLATION "Text Ops".nocase (provider = icu, locale = 'und-u-ks-level2', deterministic = false);
CREATE TABLE "Text Ops".person (id int PRIMARY KEY, email text COLLATE "Text Ops".nocase NOT NULL);
CREATE INDEX person_email ON "Text Ops".person (email);
INSERT INTO "Text Ops".person VALUES (1, 'A@example.com');
