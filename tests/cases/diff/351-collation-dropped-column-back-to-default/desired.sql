CREATE SCHEMA "Text Ops";
CREATE TABLE "Text Ops".person (id int PRIMARY KEY, email text NOT NULL);
CREATE INDEX person_email ON "Text Ops".person (email);
