CREATE SCHEMA "Agg Ops";
-- The state function's BEGIN ATOMIC body reads a new table: the function
-- comes after the table, and the aggregate after the function.
CREATE TABLE "Agg Ops".bonus (amount integer NOT NULL);
CREATE FUNCTION "Agg Ops".add_with_bonus(s integer, x integer) RETURNS integer
    LANGUAGE sql STABLE
    BEGIN ATOMIC
        SELECT s + x + (SELECT coalesce(sum(amount), 0)::integer FROM "Agg Ops".bonus);
    END;
CREATE AGGREGATE "Agg Ops"."Bonus Total"(integer) (SFUNC = "Agg Ops".add_with_bonus, STYPE = integer, INITCOND = '0');
