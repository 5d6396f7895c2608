-- + operator geo.!== (text, text)
CREATE OPERATOR geo.!== (FUNCTION = geo.other_len, LEFTARG = text, RIGHTARG = text, COMMUTATOR = OPERATOR(geo.!==), NEGATOR = OPERATOR(geo.===), RESTRICT = pg_catalog.neqsel, JOIN = pg_catalog.neqjoinsel);

-- ~ operator geo.=== (text, text) (dropped and created again)
DROP OPERATOR geo.=== (text, text);
CREATE OPERATOR geo.=== (FUNCTION = geo.same_len, LEFTARG = text, RIGHTARG = text, COMMUTATOR = OPERATOR(geo.===), NEGATOR = OPERATOR(geo.!==), RESTRICT = pg_catalog.eqsel, JOIN = pg_catalog.eqjoinsel, HASHES, MERGES);
COMMENT ON OPERATOR geo.=== (text, text) IS 'same number of characters';

-- ~ operator geo.@@@ (text, text) (replaced in place)
ALTER OPERATOR geo.@@@ (text, text) SET (RESTRICT = pg_catalog.scalargtsel);
ALTER OPERATOR geo.@@@ (text, text) SET (JOIN = pg_catalog.scalargtjoinsel);

-- + view geo.same
CREATE VIEW geo.same AS SELECT ('ab'::text OPERATOR(geo.===) 'cd'::text) AS same;

-- - operator public.<%> (text, text)
DROP OPERATOR public.<%> (text, text);
