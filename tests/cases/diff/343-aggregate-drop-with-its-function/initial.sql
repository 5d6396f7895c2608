CREATE SCHEMA "Agg Ops";
CREATE FUNCTION "Agg Ops".longer(a text, b text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT AS $$ SELECT CASE WHEN length(b) > length(a) THEN b ELSE a END $$;
CREATE AGGREGATE "Agg Ops".longest(text) (SFUNC = "Agg Ops".longer, STYPE = text);
COMMENT ON AGGREGATE "Agg Ops".longest(text) IS 'the longest text';
CREATE AGGREGATE public.rows_seen(*) (SFUNC = int8inc, STYPE = bigint, INITCOND = '0');
CREATE TABLE words (id int PRIMARY KEY, word text);
