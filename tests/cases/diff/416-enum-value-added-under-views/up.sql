-- - materialized view "mv B"
DROP MATERIALIZED VIEW public."mv B";

-- - view moods
DROP VIEW public.moods;

-- ~ enum mood: + value 'b' before 'a'
ALTER TYPE public.mood ADD VALUE 'b' BEFORE 'a';

-- + view moods
CREATE VIEW public.moods AS SELECT "Items".id,
    "Items".a
   FROM "Other Schema"."Items";
COMMENT ON VIEW public.moods IS 'it''s a view';

-- + materialized view "mv B"
CREATE MATERIALIZED VIEW public."mv B" AS SELECT "Items".a,
    "Items".b
   FROM "Other Schema"."Items" WITH NO DATA;
CREATE INDEX "mv B_idx" ON public."mv B" USING btree (a);
