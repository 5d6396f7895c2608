CREATE SCHEMA "Audit Log";
CREATE TABLE "Audit Log".entries (id integer PRIMARY KEY, body text);
CREATE TABLE "Audit Log".removed (id integer, body text);
CREATE TABLE public.notes (id integer PRIMARY KEY, body text);
CREATE RULE "keep deleted" AS ON DELETE TO "Audit Log".entries
    DO ALSO INSERT INTO "Audit Log".removed VALUES (OLD.id, OLD.body);
ALTER TABLE "Audit Log".entries DISABLE RULE "keep deleted";
CREATE RULE no_update AS ON UPDATE TO public.notes WHERE OLD.body IS NOT NULL DO INSTEAD NOTHING;
COMMENT ON RULE no_update ON public.notes IS 'notes with a body are written once';
CREATE VIEW public.short_notes AS SELECT id, body FROM public.notes WHERE length(body) < 20;
CREATE RULE "insert short" AS ON INSERT TO public.short_notes
    DO INSTEAD INSERT INTO public.notes VALUES (NEW.id, NEW.body);
