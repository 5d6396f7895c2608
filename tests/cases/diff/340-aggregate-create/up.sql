-- + function "Agg Ops".add_amount(state numeric, x numeric)
SET check_function_bodies = off;
CREATE OR REPLACE FUNCTION "Agg Ops".add_amount(state numeric, x numeric)
 RETURNS numeric
 LANGUAGE sql
 IMMUTABLE STRICT
AS $function$ SELECT state + x $function$;
RESET check_function_bodies;

-- + function "Agg Ops".rounded(state numeric)
SET check_function_bodies = off;
CREATE OR REPLACE FUNCTION "Agg Ops".rounded(state numeric)
 RETURNS numeric
 LANGUAGE sql
 IMMUTABLE
AS $function$ SELECT round(state, 2) $function$;
RESET check_function_bodies;

-- + aggregate "Agg Ops"."Total Amount"(integer)
CREATE OR REPLACE AGGREGATE "Agg Ops"."Total Amount"(integer) (SFUNC = int4pl, STYPE = integer, INITCOND = '0');

-- + aggregate "Agg Ops"."Total Amount"(numeric)
CREATE OR REPLACE AGGREGATE "Agg Ops"."Total Amount"(numeric) (SFUNC = "Agg Ops".add_amount, STYPE = numeric, FINALFUNC = "Agg Ops".rounded, COMBINEFUNC = "Agg Ops".add_amount, INITCOND = '0', PARALLEL = SAFE);

-- + aggregate "Agg Ops".moving_sum(integer)
CREATE OR REPLACE AGGREGATE "Agg Ops".moving_sum(integer) (SFUNC = int4pl, STYPE = integer, INITCOND = '0', MSFUNC = int4pl, MINVFUNC = int4mi, MSTYPE = integer, MINITCOND = '0');

-- + aggregate biggest(integer)
CREATE OR REPLACE AGGREGATE public.biggest(integer) (SFUNC = int4larger, STYPE = integer, SORTOP = OPERATOR(pg_catalog.>));

-- + aggregate pick(double precision ORDER BY double precision)
CREATE OR REPLACE AGGREGATE public.pick(double precision ORDER BY double precision) (SFUNC = ordered_set_transition, STYPE = internal, FINALFUNC = percentile_disc_final, FINALFUNC_EXTRA);

-- + aggregate place(VARIADIC "any" ORDER BY VARIADIC "any")
CREATE OR REPLACE AGGREGATE public.place(VARIADIC "any" ORDER BY VARIADIC "any") (SFUNC = ordered_set_transition_multi, STYPE = internal, FINALFUNC = rank_final, FINALFUNC_EXTRA, HYPOTHETICAL);

-- + aggregate rows_seen(*)
CREATE OR REPLACE AGGREGATE public.rows_seen(*) (SFUNC = int8inc, STYPE = bigint, INITCOND = '0');
