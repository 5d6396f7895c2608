CREATE SCHEMA "Text Ops";
CREATE COLLATION "Text Ops"."No Case" (provider = icu, locale = 'und-u-ks-level2');
CREATE TABLE "Text Ops".person (id int PRIMARY KEY, email text COLLATE "Text Ops"."No Case" NOT NULL,
    nick varchar(20) COLLATE "Text Ops"."No Case");
CREATE INDEX person_email ON "Text Ops".person (email);
CREATE TABLE "Text Ops".old_person (id int PRIMARY KEY, email text COLLATE "Text Ops"."No Case");
INSERT INTO "Text Ops".person VALUES (1, 'A@example.com', 'a'), (2, 'b@example.com', NULL);
