DO $$ BEGIN CREATE ROLE strata_golden_reader; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;
CREATE TABLE "Items" (a interval NOT NULL PRIMARY KEY, b text);
GRANT UPDATE (a) ON "Items" TO strata_golden_reader;
CREATE VIEW "v B" AS SELECT a FROM "Items";
COMMENT ON VIEW "v B" IS 'it''s a view';
