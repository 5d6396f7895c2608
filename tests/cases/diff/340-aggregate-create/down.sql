-- undo: + aggregate rows_seen(*)
DROP AGGREGATE public.rows_seen(*);

-- undo: + aggregate place(VARIADIC "any" ORDER BY VARIADIC "any")
DROP AGGREGATE public.place(VARIADIC "any" ORDER BY VARIADIC "any");

-- undo: + aggregate pick(double precision ORDER BY double precision)
DROP AGGREGATE public.pick(double precision ORDER BY double precision);

-- undo: + aggregate biggest(integer)
DROP AGGREGATE public.biggest(integer);

-- undo: + aggregate "Agg Ops".moving_sum(integer)
DROP AGGREGATE "Agg Ops".moving_sum(integer);

-- undo: + aggregate "Agg Ops"."Total Amount"(numeric)
DROP AGGREGATE "Agg Ops"."Total Amount"(numeric);

-- undo: + aggregate "Agg Ops"."Total Amount"(integer)
DROP AGGREGATE "Agg Ops"."Total Amount"(integer);

-- undo: + function "Agg Ops".rounded(state numeric)
DROP FUNCTION "Agg Ops".rounded(state numeric);

-- undo: + function "Agg Ops".add_amount(state numeric, x numeric)
DROP FUNCTION "Agg Ops".add_amount(state numeric, x numeric);
