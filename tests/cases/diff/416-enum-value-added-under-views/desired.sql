CREATE SCHEMA "Other Schema";
CREATE TYPE public.mood AS ENUM ('b', 'a');
CREATE TABLE "Other Schema"."Items" (id integer PRIMARY KEY, a public.mood, b integer);
CREATE MATERIALIZED VIEW public."mv B" AS SELECT a, b FROM "Other Schema"."Items" WITH NO DATA;
CREATE INDEX "mv B_idx" ON public."mv B" (a);
CREATE VIEW public.moods AS SELECT id, a FROM "Other Schema"."Items";
COMMENT ON VIEW public.moods IS 'it''s a view';
