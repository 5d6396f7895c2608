-- - exclusion constraint orders_code_excl on "Billing".orders
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE "Billing".orders DROP CONSTRAINT orders_code_excl;

-- - materialized view "Billing".codes
DROP MATERIALIZED VIEW "Billing".codes;

-- ~ column "Billing".orders.tenant: default "Billing".tenant() -> none
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE "Billing".orders ALTER COLUMN tenant DROP DEFAULT;

-- - check orders_amount on "Billing".orders
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE "Billing".orders DROP CONSTRAINT orders_amount;

-- - check orders_id_small on "Billing".orders
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE "Billing".orders DROP CONSTRAINT orders_id_small;

-- - index orders_big on "Billing".orders
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
DROP INDEX "Billing".orders_big;

-- - index orders_folded on "Billing".orders
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
DROP INDEX "Billing".orders_folded;

-- ~ domain "Billing".qty (replaced in place)
ALTER DOMAIN "Billing".qty DROP CONSTRAINT qty_max;
ALTER DOMAIN "Billing".qty DROP DEFAULT;

-- ~ function "Billing"."Limit"() (dropped and created again)
DROP FUNCTION "Billing"."Limit"();
SET check_function_bodies = off;
CREATE OR REPLACE FUNCTION "Billing"."Limit"()
 RETURNS bigint
 LANGUAGE sql
 IMMUTABLE
AS $function$ SELECT 100 $function$;
RESET check_function_bodies;

-- ~ function "Billing".fold(input text) (dropped and created again)
DROP FUNCTION "Billing".fold(code text);
SET check_function_bodies = off;
CREATE OR REPLACE FUNCTION "Billing".fold(input text)
 RETURNS text
 LANGUAGE sql
 IMMUTABLE
AS $function$ SELECT lower(input) $function$;
RESET check_function_bodies;

-- ~ function "Billing".tenant() (dropped and created again)
DROP FUNCTION "Billing".tenant();
SET check_function_bodies = off;
CREATE OR REPLACE FUNCTION "Billing".tenant()
 RETURNS bigint
 LANGUAGE sql
 STABLE
AS $function$ SELECT 7 $function$;
RESET check_function_bodies;

-- ~ column "Billing".orders.tenant: default none -> "Billing".tenant()
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE "Billing".orders ALTER COLUMN tenant SET DEFAULT "Billing".tenant();

-- + check orders_amount on "Billing".orders
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
-- hazard: can fail on existing rows
-- lock: ACCESS EXCLUSIVE, held while every row is read
ALTER TABLE "Billing".orders ADD CONSTRAINT orders_amount CHECK (amount::integer <= "Billing"."Limit"());

-- + check orders_id_small on "Billing".orders
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE "Billing".orders ADD CONSTRAINT orders_id_small CHECK (id <= ("Billing"."Limit"() * 10)) NOT VALID;

-- + index orders_big on "Billing".orders
-- hazard: blocks writes to the table while it runs
-- lock: SHARE, held while every row is read
CREATE INDEX orders_big ON "Billing".orders (id) WHERE (amount::integer > ("Billing"."Limit"() / 2));

-- + index orders_folded on "Billing".orders
-- hazard: blocks writes to the table while it runs
-- lock: SHARE, held while every row is read
CREATE INDEX orders_folded ON "Billing".orders (("Billing".fold(code)));

-- ~ domain "Billing".qty (replaced in place)
-- hazard: can fail on existing rows
ALTER DOMAIN "Billing".qty SET DEFAULT "Billing".tenant();
ALTER DOMAIN "Billing".qty ADD CONSTRAINT qty_max CHECK ((VALUE <= "Billing"."Limit"()));

-- + materialized view "Billing".codes
CREATE MATERIALIZED VIEW "Billing".codes AS SELECT orders.id,
    orders.code
   FROM "Billing".orders WITH DATA;
CREATE INDEX codes_folded ON "Billing".codes USING btree ("Billing".fold(code));

-- + exclusion constraint orders_code_excl on "Billing".orders
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
-- hazard: can fail on existing rows
-- lock: ACCESS EXCLUSIVE, held while every row is read
ALTER TABLE "Billing".orders ADD CONSTRAINT orders_code_excl EXCLUDE USING btree ("Billing".fold(code) WITH =);
