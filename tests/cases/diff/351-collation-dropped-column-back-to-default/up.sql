-- ~ column "Text Ops".person.email: collation "Text Ops".nocase -> default
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE "Text Ops".person ALTER COLUMN email TYPE text COLLATE pg_catalog."default";

-- - collation "Text Ops".nocase
DROP COLLATION "Text Ops".nocase;
