CREATE SCHEMA "Text Ops";
-- The collation becomes nondeterministic (it cannot be altered): the
-- columns that keep it take the default one while it is dropped and
-- created again; the table that goes is dropped first.
CREATE COLLATION "Text Ops"."No Case" (provider = icu, locale = 'und-u-ks-level2', deterministic = false);
CREATE TABLE "Text Ops".person (id int PRIMARY KEY, email text COLLATE "Text Ops"."No Case" NOT NULL,
    nick varchar(20) COLLATE "Text Ops"."No Case");
CREATE INDEX person_email ON "Text Ops".person (email);
