-- undo: ~ collation "Text Ops"."No Case" (dropped and created again)
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
-- hazard: can fail on existing rows
ALTER TABLE "Text Ops".person ALTER COLUMN email TYPE text COLLATE pg_catalog."default";
ALTER TABLE "Text Ops".person ALTER COLUMN nick TYPE character varying(20) COLLATE pg_catalog."default";
DROP COLLATION "Text Ops"."No Case";
CREATE COLLATION "Text Ops"."No Case" (provider = icu, locale = 'und-u-ks-level2');
ALTER TABLE "Text Ops".person ALTER COLUMN email TYPE text COLLATE "Text Ops"."No Case";
ALTER TABLE "Text Ops".person ALTER COLUMN nick TYPE character varying(20) COLLATE "Text Ops"."No Case";

-- undo: - table "Text Ops".old_person
-- note: re-creates the definition only; the data the up migration deleted is not restored
CREATE TABLE "Text Ops".old_person (
    id integer NOT NULL,
    email text COLLATE "Text Ops"."No Case",
    CONSTRAINT old_person_pkey PRIMARY KEY (id)
);
