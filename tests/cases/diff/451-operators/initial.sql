-- Operators: a commutator pair with restriction and join estimators that
-- hashes and merges, a negator, a prefix operator; one whose options
-- change (dropped and created), one whose estimators change in place
-- (ALTER OPERATOR ... SET), one dropped, one new.
CREATE SCHEMA geo;
CREATE FUNCTION geo.same_len(text, text) RETURNS boolean LANGUAGE sql IMMUTABLE
    AS 'SELECT length($1) = length($2)';
CREATE FUNCTION geo.other_len(text, text) RETURNS boolean LANGUAGE sql IMMUTABLE
    AS 'SELECT length($1) <> length($2)';
CREATE FUNCTION geo.neg(integer) RETURNS integer LANGUAGE sql IMMUTABLE AS 'SELECT -$1';
CREATE OPERATOR geo.=== (FUNCTION = geo.same_len, LEFTARG = text, RIGHTARG = text,
    COMMUTATOR = OPERATOR(geo.===), RESTRICT = eqsel, JOIN = eqjoinsel);
CREATE OPERATOR geo.~~~ (FUNCTION = geo.neg, RIGHTARG = integer);
CREATE OPERATOR public.<%> (FUNCTION = geo.other_len, LEFTARG = text, RIGHTARG = text);
COMMENT ON OPERATOR geo.=== (text, text) IS 'same length';
CREATE OPERATOR geo.@@@ (FUNCTION = geo.other_len, LEFTARG = text, RIGHTARG = text, RESTRICT = scalarltsel);
