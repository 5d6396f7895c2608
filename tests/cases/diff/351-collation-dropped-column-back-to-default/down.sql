-- undo: - collation "Text Ops".nocase
CREATE COLLATION "Text Ops".nocase (provider = icu, locale = 'und-u-ks-level2', deterministic = false);

-- undo: ~ column "Text Ops".person.email: collation "Text Ops".nocase -> default
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE "Text Ops".person ALTER COLUMN email TYPE text COLLATE "Text Ops".nocase;
