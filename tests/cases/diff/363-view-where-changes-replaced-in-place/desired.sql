DO $$ BEGIN CREATE ROLE strata_golden_reader; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;
CREATE SCHEMA "Reports";
CREATE TABLE "Reports".sale (id int PRIMARY KEY, amount numeric(10,2), region text);
CREATE VIEW "Reports"."Big Sales" WITH (security_barrier=true) AS SELECT id, amount, region FROM "Reports".sale WHERE amount > 500;
COMMENT ON VIEW "Reports"."Big Sales" IS 'large ones';
COMMENT ON COLUMN "Reports"."Big Sales".amount IS 'gross';
CREATE VIEW "Reports".by_region AS SELECT region, sum(amount) AS total FROM "Reports"."Big Sales" GROUP BY region;
GRANT SELECT ON "Reports"."Big Sales" TO strata_golden_reader;
