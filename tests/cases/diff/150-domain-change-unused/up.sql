-- ~ domain short_text (dropped and created again)
-- hazard: can fail on existing rows
DROP DOMAIN public.short_text;
CREATE DOMAIN public.short_text AS character varying(20) DEFAULT 'x'::character varying;
