-- Casts: with a function (assignment), with inout (implicit), without a
-- function between binary-coercible types; one changed, one dropped, one
-- new; a comment.
CREATE SCHEMA money_types;
CREATE TYPE money_types.cents AS (amount bigint);
CREATE DOMAIN money_types.code AS text;
CREATE TYPE money_types.level AS ENUM ('low', 'high');
CREATE FUNCTION money_types.to_cents(integer) RETURNS money_types.cents LANGUAGE sql IMMUTABLE
    AS 'SELECT ROW($1::bigint)::money_types.cents';
CREATE FUNCTION money_types.cents_text(money_types.cents) RETURNS text LANGUAGE sql IMMUTABLE
    AS 'SELECT ($1).amount::text';
CREATE CAST (integer AS money_types.cents) WITH FUNCTION money_types.to_cents(integer) AS ASSIGNMENT;
CREATE CAST (money_types.cents AS text) WITH FUNCTION money_types.cents_text(money_types.cents);
CREATE CAST (money_types.level AS text) WITH INOUT;
COMMENT ON CAST (integer AS money_types.cents) IS 'whole cents';
