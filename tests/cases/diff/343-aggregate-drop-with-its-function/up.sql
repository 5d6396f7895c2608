-- - aggregate rows_seen(*)
DROP AGGREGATE public.rows_seen(*);

-- - aggregate "Agg Ops".longest(text)
DROP AGGREGATE "Agg Ops".longest(text);

-- - function "Agg Ops".longer(a text, b text)
DROP FUNCTION "Agg Ops".longer(a text, b text);
