-- - table "Text Ops".old_person
-- hazard: deletes data
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
DROP TABLE "Text Ops".old_person;

-- ~ collation "Text Ops"."No Case" (dropped and created again)
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
-- hazard: can fail on existing rows
ALTER TABLE "Text Ops".person ALTER COLUMN email TYPE text COLLATE pg_catalog."default";
ALTER TABLE "Text Ops".person ALTER COLUMN nick TYPE character varying(20) COLLATE pg_catalog."default";
DROP COLLATION "Text Ops"."No Case";
CREATE COLLATION "Text Ops"."No Case" (provider = icu, locale = 'und-u-ks-level2', deterministic = false);
ALTER TABLE "Text Ops".person ALTER COLUMN email TYPE text COLLATE "Text Ops"."No Case";
ALTER TABLE "Text Ops".person ALTER COLUMN nick TYPE character varying(20) COLLATE "Text Ops"."No Case";
