CREATE SCHEMA geo;
CREATE FUNCTION geo.same_len(text, text) RETURNS boolean LANGUAGE sql IMMUTABLE
    AS 'SELECT length($1) = length($2)';
CREATE FUNCTION geo.other_len(text, text) RETURNS boolean LANGUAGE sql IMMUTABLE
    AS 'SELECT length($1) <> length($2)';
CREATE FUNCTION geo.neg(integer) RETURNS integer LANGUAGE sql IMMUTABLE AS 'SELECT -$1';
CREATE OPERATOR geo.=== (FUNCTION = geo.same_len, LEFTARG = text, RIGHTARG = text,
    COMMUTATOR = OPERATOR(geo.===), NEGATOR = OPERATOR(geo.!==), RESTRICT = eqsel, JOIN = eqjoinsel, HASHES, MERGES);
CREATE OPERATOR geo.!== (FUNCTION = geo.other_len, LEFTARG = text, RIGHTARG = text,
    COMMUTATOR = OPERATOR(geo.!==), NEGATOR = OPERATOR(geo.===), RESTRICT = neqsel, JOIN = neqjoinsel);
CREATE OPERATOR geo.~~~ (FUNCTION = geo.neg, RIGHTARG = integer);
COMMENT ON OPERATOR geo.=== (text, text) IS 'same number of characters';
CREATE OPERATOR geo.@@@ (FUNCTION = geo.other_len, LEFTARG = text, RIGHTARG = text, RESTRICT = scalargtsel, JOIN = scalargtjoinsel);
CREATE VIEW geo.same AS SELECT 'ab' OPERATOR(geo.===) 'cd' AS same;
