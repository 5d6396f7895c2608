-- undo: + table uses_child
-- hazard: deletes data
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
DROP TABLE public.uses_child;

-- undo: + table "Uses"
-- hazard: deletes data
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
DROP TABLE public."Uses";

-- undo: + domain point_value
DROP DOMAIN public.point_value;

-- undo: + type "Pair"
DROP TYPE public."Pair";

-- undo: + table point_row
-- hazard: deletes data
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
DROP TABLE public.point_row;

-- undo: + function row_given(val anyelement)
DROP FUNCTION public.row_given(val anyelement);

-- undo: - table old_base
-- note: re-creates the definition only; the data the up migration deleted is not restored
CREATE TABLE public.old_base (
    a integer
);

-- undo: - domain old_value
CREATE DOMAIN public.old_value AS public.old_base;

-- undo: - table old_user
-- note: re-creates the definition only; the data the up migration deleted is not restored
CREATE TABLE public.old_user (
    id integer,
    v public.old_value,
    vs public.old_value[]
);
