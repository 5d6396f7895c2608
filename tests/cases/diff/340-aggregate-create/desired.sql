CREATE SCHEMA "Agg Ops";
CREATE TABLE "Agg Ops".sales (id int PRIMARY KEY, amount numeric NOT NULL);
-- A state function and a final function of the schema's own, an
-- aggregate with every common option, a moving-aggregate one, an overload,
-- a zero-argument one, an ordered-set and a hypothetical-set aggregate.
CREATE FUNCTION "Agg Ops".add_amount(state numeric, x numeric) RETURNS numeric
    LANGUAGE sql IMMUTABLE STRICT AS $$ SELECT state + x $$;
CREATE FUNCTION "Agg Ops".rounded(state numeric) RETURNS numeric
    LANGUAGE sql IMMUTABLE AS $$ SELECT round(state, 2) $$;
CREATE AGGREGATE "Agg Ops"."Total Amount"(numeric) (
    SFUNC = "Agg Ops".add_amount, STYPE = numeric, FINALFUNC = "Agg Ops".rounded,
    COMBINEFUNC = "Agg Ops".add_amount, INITCOND = '0', PARALLEL = SAFE);
CREATE AGGREGATE "Agg Ops"."Total Amount"(integer) (SFUNC = int4pl, STYPE = integer, INITCOND = '0');
CREATE AGGREGATE "Agg Ops".moving_sum(integer) (
    SFUNC = int4pl, STYPE = integer, MSFUNC = int4pl, MINVFUNC = int4mi, MSTYPE = integer,
    INITCOND = '0', MINITCOND = '0');
CREATE AGGREGATE public.rows_seen(*) (SFUNC = int8inc, STYPE = bigint, INITCOND = '0');
CREATE AGGREGATE public.biggest(integer) (SFUNC = int4larger, STYPE = integer, SORTOP = >);
CREATE AGGREGATE public.pick(double precision ORDER BY double precision) (
    SFUNC = ordered_set_transition, STYPE = internal,
    FINALFUNC = percentile_disc_final, FINALFUNC_EXTRA);
CREATE AGGREGATE public.place(VARIADIC "any" ORDER BY VARIADIC "any") (
    SFUNC = ordered_set_transition_multi, STYPE = internal,
    FINALFUNC = rank_final, FINALFUNC_EXTRA, HYPOTHETICAL);
