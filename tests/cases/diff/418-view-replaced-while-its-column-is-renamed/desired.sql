DO $$ BEGIN CREATE ROLE strata_golden_reader; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;
CREATE TABLE t (id integer PRIMARY KEY, "Name" text, "with space" integer);
CREATE VIEW "v a 6" WITH (security_barrier) AS SELECT "Name" FROM t;
COMMENT ON VIEW "v a 6" IS 'changed';
CREATE TABLE "Ledger" (id integer PRIMARY KEY, owner_id integer);
ALTER TABLE "Ledger" ENABLE ROW LEVEL SECURITY;
CREATE POLICY mine ON "Ledger" USING (owner_id = 2);
GRANT SELECT, UPDATE ON "Ledger" TO strata_golden_reader;
