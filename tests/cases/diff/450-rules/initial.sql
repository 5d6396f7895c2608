-- Rules (CREATE RULE) on tables and on a view: one kept, one changed, one
-- dropped, one disabled, one that does nothing; quoted names and a schema
-- other than public.
CREATE SCHEMA "Audit Log";
CREATE TABLE "Audit Log".entries (id integer PRIMARY KEY, body text);
CREATE TABLE "Audit Log".removed (id integer, body text);
CREATE TABLE public.notes (id integer PRIMARY KEY, body text);
CREATE RULE "keep deleted" AS ON DELETE TO "Audit Log".entries
    DO ALSO INSERT INTO "Audit Log".removed VALUES (OLD.id, OLD.body);
CREATE RULE no_update AS ON UPDATE TO public.notes DO INSTEAD NOTHING;
CREATE RULE gone AS ON INSERT TO public.notes WHERE NEW.body IS NULL DO INSTEAD NOTHING;
COMMENT ON RULE no_update ON public.notes IS 'notes are written once';
CREATE VIEW public.short_notes AS SELECT id, body FROM public.notes WHERE length(body) < 20;
