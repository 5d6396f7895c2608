-- undo: - function "Agg Ops".longer(a text, b text)
SET check_function_bodies = off;
CREATE OR REPLACE FUNCTION "Agg Ops".longer(a text, b text)
 RETURNS text
 LANGUAGE sql
 IMMUTABLE STRICT
AS $function$ SELECT CASE WHEN length(b) > length(a) THEN b ELSE a END $function$;
RESET check_function_bodies;

-- undo: - aggregate "Agg Ops".longest(text)
CREATE OR REPLACE AGGREGATE "Agg Ops".longest(text) (SFUNC = "Agg Ops".longer, STYPE = text);
COMMENT ON AGGREGATE "Agg Ops".longest(text) IS 'the longest text';

-- undo: - aggregate rows_seen(*)
CREATE OR REPLACE AGGREGATE public.rows_seen(*) (SFUNC = int8inc, STYPE = bigint, INITCOND = '0');
