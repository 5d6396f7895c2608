-- - rule no_update on notes
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
DROP RULE no_update ON public.notes;

-- - rule gone on notes
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
DROP RULE gone ON public.notes;

-- - rule "keep deleted" on "Audit Log".entries
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
DROP RULE "keep deleted" ON "Audit Log".entries;

-- + rule "keep deleted" on "Audit Log".entries
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
CREATE RULE "keep deleted" AS
    ON DELETE TO "Audit Log".entries DO  INSERT INTO "Audit Log".removed (id, body)
  VALUES (old.id, old.body);
ALTER TABLE "Audit Log".entries DISABLE RULE "keep deleted";

-- + rule "insert short" on short_notes
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
CREATE RULE "insert short" AS
    ON INSERT TO public.short_notes DO INSTEAD  INSERT INTO public.notes (id, body)
  VALUES (new.id, new.body);

-- + rule no_update on notes
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
CREATE RULE no_update AS
    ON UPDATE TO public.notes
   WHERE (old.body IS NOT NULL) DO INSTEAD NOTHING;
COMMENT ON RULE no_update ON public.notes IS 'notes with a body are written once';
