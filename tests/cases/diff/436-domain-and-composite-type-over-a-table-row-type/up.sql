-- - table old_user
-- hazard: deletes data
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
DROP TABLE public.old_user;

-- - domain old_value
DROP DOMAIN public.old_value;

-- - table old_base
-- hazard: deletes data
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
DROP TABLE public.old_base;

-- + function row_given(val anyelement)
SET check_function_bodies = off;
CREATE OR REPLACE FUNCTION public.row_given(val anyelement)
 RETURNS boolean
 LANGUAGE sql
 IMMUTABLE
AS $function$ SELECT val IS NOT NULL $function$;
RESET check_function_bodies;

-- + table point_row
CREATE TABLE public.point_row (
    x integer,
    y integer
);

-- + type "Pair"
CREATE TYPE public."Pair" AS (a public.point_row, b public.kept, note text);

-- + domain point_value
CREATE DOMAIN public.point_value AS public.point_row CONSTRAINT point_value_check CHECK (public.row_given(VALUE));

-- + table "Uses"
CREATE TABLE public."Uses" (
    id integer,
    p public.point_value,
    pairs public."Pair"[]
);

-- + table uses_child
CREATE TABLE public.uses_child (
    extra text
) INHERITS (public."Uses");
