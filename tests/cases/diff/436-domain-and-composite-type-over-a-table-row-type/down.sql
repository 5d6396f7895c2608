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
