CREATE SCHEMA "Billing";
CREATE FUNCTION "Billing"."Limit"() RETURNS bigint LANGUAGE sql IMMUTABLE AS $$ SELECT 100 $$;
CREATE FUNCTION "Billing".fold(input text) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT lower(input) $$;
CREATE FUNCTION "Billing".tenant() RETURNS bigint LANGUAGE sql STABLE AS $$ SELECT 7 $$;
CREATE DOMAIN "Billing".qty AS integer DEFAULT "Billing".tenant() CONSTRAINT qty_max CHECK (VALUE <= "Billing"."Limit"());
CREATE TABLE "Billing".orders (
    id integer PRIMARY KEY,
    tenant integer NOT NULL DEFAULT "Billing".tenant(),
    code text NOT NULL,
    amount "Billing".qty,
    CONSTRAINT orders_amount CHECK (amount <= "Billing"."Limit"()),
    CONSTRAINT orders_code_excl EXCLUDE USING btree (("Billing".fold(code)) WITH =)
);
ALTER TABLE "Billing".orders ADD CONSTRAINT orders_id_small CHECK (id <= "Billing"."Limit"() * 10) NOT VALID;
CREATE INDEX orders_big ON "Billing".orders (id) WHERE amount > "Billing"."Limit"() / 2;
CREATE INDEX orders_folded ON "Billing".orders ("Billing".fold(code));
CREATE MATERIALIZED VIEW "Billing".codes AS SELECT id, code FROM "Billing".orders;
CREATE INDEX codes_folded ON "Billing".codes ("Billing".fold(code));
