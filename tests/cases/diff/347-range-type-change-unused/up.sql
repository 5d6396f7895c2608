-- ~ range type floatrange (dropped and created again)
DROP TYPE public.floatrange;
CREATE TYPE public.floatrange AS RANGE (SUBTYPE = double precision, SUBTYPE_DIFF = float8mi);
