DO $$ BEGIN CREATE ROLE strata_golden_reader; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;
CREATE TABLE docs (id integer PRIMARY KEY, tenant integer NOT NULL, owner text);
ALTER TABLE docs ENABLE ROW LEVEL SECURITY;
CREATE POLICY everyone ON docs AS PERMISSIVE FOR ALL TO PUBLIC USING (true) WITH CHECK (tenant > 0);
CREATE POLICY "tenant only" ON docs AS RESTRICTIVE FOR ALL TO strata_golden_reader USING (tenant = 2) WITH CHECK (tenant = 2);
CREATE POLICY readers ON docs FOR UPDATE TO strata_golden_reader USING (owner IS NOT NULL);
