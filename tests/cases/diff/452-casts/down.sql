-- undo: - cast (money_types.cents AS text)
CREATE CAST (money_types.cents AS text) WITH FUNCTION money_types.cents_text(money_types.cents);

-- undo: + cast (text AS money_types.level)
DROP CAST (text AS money_types.level);

-- undo: ~ cast (money_types.level AS text) (dropped and created again)
DROP CAST (money_types.level AS text);
CREATE CAST (money_types.level AS text) WITH INOUT;

-- undo: ~ cast (integer AS money_types.cents) (dropped and created again)
DROP CAST (integer AS money_types.cents);
CREATE CAST (integer AS money_types.cents) WITH FUNCTION money_types.to_cents(integer) AS ASSIGNMENT;
COMMENT ON CAST (integer AS money_types.cents) IS 'whole cents';
