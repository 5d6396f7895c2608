-- undo: + materialized view "mv B"
DROP MATERIALIZED VIEW public."mv B";

-- undo: + view moods
DROP VIEW public.moods;

-- undo: ~ enum mood: + value 'b' before 'a'
-- hazard: deletes data
-- hazard: rewrites the table
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
-- hazard: can fail on existing rows
-- lock: ACCESS EXCLUSIVE, held while the table is rewritten
ALTER TYPE public.mood RENAME TO mood_old;
CREATE TYPE public.mood AS ENUM ('a');
ALTER TABLE "Other Schema"."Items" ALTER COLUMN a TYPE public.mood USING a::text::public.mood;
DROP TYPE public.mood_old;

-- undo: - view moods
CREATE VIEW public.moods AS SELECT "Items".id,
    "Items".a
   FROM "Other Schema"."Items";
COMMENT ON VIEW public.moods IS 'it''s a view';

-- undo: - materialized view "mv B"
CREATE MATERIALIZED VIEW public."mv B" AS SELECT "Items".a,
    "Items".b
   FROM "Other Schema"."Items" WITH NO DATA;
CREATE INDEX "mv B_idx" ON public."mv B" USING btree (a);
