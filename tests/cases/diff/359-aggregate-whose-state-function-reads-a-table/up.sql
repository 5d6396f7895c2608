-- + table "Agg Ops".bonus
CREATE TABLE "Agg Ops".bonus (
    amount integer NOT NULL
);

-- + function "Agg Ops".add_with_bonus(s integer, x integer)
SET check_function_bodies = off;
CREATE OR REPLACE FUNCTION "Agg Ops".add_with_bonus(s integer, x integer)
 RETURNS integer
 LANGUAGE sql
 STABLE
BEGIN ATOMIC
 SELECT ((s + x) + ( SELECT (COALESCE(sum(bonus.amount), (0)::bigint))::integer AS "coalesce"
            FROM "Agg Ops".bonus));
END;
RESET check_function_bodies;

-- + aggregate "Agg Ops"."Bonus Total"(integer)
CREATE OR REPLACE AGGREGATE "Agg Ops"."Bonus Total"(integer) (SFUNC = "Agg Ops".add_with_bonus, STYPE = integer, INITCOND = '0');
