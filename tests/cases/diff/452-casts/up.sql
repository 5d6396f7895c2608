-- ~ cast (integer AS money_types.cents) (dropped and created again)
DROP CAST (integer AS money_types.cents);
CREATE CAST (integer AS money_types.cents) WITH FUNCTION money_types.to_cents(integer) AS IMPLICIT;
COMMENT ON CAST (integer AS money_types.cents) IS 'whole cents, implicitly';

-- ~ cast (money_types.level AS text) (dropped and created again)
DROP CAST (money_types.level AS text);
CREATE CAST (money_types.level AS text) WITH INOUT AS IMPLICIT;

-- + cast (text AS money_types.level)
CREATE CAST (text AS money_types.level) WITH INOUT AS ASSIGNMENT;

-- - cast (money_types.cents AS text)
DROP CAST (money_types.cents AS text);
