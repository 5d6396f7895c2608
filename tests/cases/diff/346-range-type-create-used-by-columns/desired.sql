CREATE SCHEMA "Range Ops";
-- A range over float8 with a difference function; one over text with a
-- collation and a multirange named in another schema; one whose name
-- has no "range" in it (its multirange is named by PostgreSQL); columns
-- of the range, multirange and array types, on an existing table and on
-- a new one.
CREATE TYPE "Range Ops"."Float Range" AS RANGE (SUBTYPE = float8, SUBTYPE_DIFF = float8mi);
CREATE TYPE public.textrange AS RANGE (SUBTYPE = text, COLLATION = "C",
    MULTIRANGE_TYPE_NAME = "Range Ops"."text ranges");
CREATE TYPE public.span AS RANGE (SUBTYPE = integer);
COMMENT ON TYPE public.span IS 'a span of integers';
CREATE TABLE "Range Ops".booking (
    id int PRIMARY KEY,
    weights "Range Ops"."Float Range",
    letters public.textrange,
    gaps "Range Ops"."text ranges",
    spans public.span[]
);
CREATE TABLE public.slot (id int PRIMARY KEY, during public.span NOT NULL, free public.span_multirange);
