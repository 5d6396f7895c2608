-- undo: - operator public.<%> (text, text)
CREATE OPERATOR public.<%> (FUNCTION = geo.other_len, LEFTARG = text, RIGHTARG = text);

-- undo: + view geo.same
DROP VIEW geo.same;

-- undo: ~ operator geo.@@@ (text, text) (replaced in place)
ALTER OPERATOR geo.@@@ (text, text) SET (JOIN = NONE);
ALTER OPERATOR geo.@@@ (text, text) SET (RESTRICT = pg_catalog.scalarltsel);

-- undo: ~ operator geo.=== (text, text) (dropped and created again)
DROP OPERATOR geo.=== (text, text);
CREATE OPERATOR geo.=== (FUNCTION = geo.same_len, LEFTARG = text, RIGHTARG = text, COMMUTATOR = OPERATOR(geo.===), RESTRICT = pg_catalog.eqsel, JOIN = pg_catalog.eqjoinsel);
COMMENT ON OPERATOR geo.=== (text, text) IS 'same length';

-- undo: + operator geo.!== (text, text)
DROP OPERATOR geo.!== (text, text);
