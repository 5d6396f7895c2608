-- undo: + rule no_update on notes
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
DROP RULE no_update ON public.notes;

-- undo: + rule "insert short" on short_notes
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
DROP RULE "insert short" ON public.short_notes;

-- undo: + rule "keep deleted" on "Audit Log".entries
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
DROP RULE "keep deleted" ON "Audit Log".entries;

-- undo: - rule "keep deleted" on "Audit Log".entries
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
CREATE RULE "keep deleted" AS
    ON DELETE TO "Audit Log".entries DO  INSERT INTO "Audit Log".removed (id, body)
  VALUES (old.id, old.body);

-- undo: - rule gone on notes
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
CREATE RULE gone AS
    ON INSERT TO public.notes
   WHERE (new.body IS NULL) DO INSTEAD NOTHING;

-- undo: - rule no_update on notes
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
CREATE RULE no_update AS
    ON UPDATE TO public.notes DO INSTEAD NOTHING;
COMMENT ON RULE no_update ON public.notes IS 'notes are written once';
