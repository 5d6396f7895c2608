CREATE FUNCTION row_given(val anyelement) RETURNS boolean
    LANGUAGE sql IMMUTABLE AS $$ SELECT val IS NOT NULL $$;
CREATE TABLE kept (id integer PRIMARY KEY);
CREATE TABLE point_row (x integer, y integer);
CREATE DOMAIN point_value AS point_row CHECK (row_given(VALUE));
CREATE TYPE "Pair" AS (a point_row, b kept, note text);
CREATE TABLE "Uses" (id integer, p point_value, pairs "Pair"[]);
CREATE TABLE uses_child (extra text) INHERITS ("Uses");
