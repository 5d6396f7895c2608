-- A policy whose kind, command and clauses stay is altered in place
-- (ALTER POLICY): no moment without it, even outside a transaction. A
-- policy that gains a clause or changes its command is dropped and created.
DO $$ BEGIN CREATE ROLE strata_golden_reader; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;
CREATE TABLE docs (id integer PRIMARY KEY, tenant integer NOT NULL, owner text);
ALTER TABLE docs ENABLE ROW LEVEL SECURITY;
CREATE POLICY everyone ON docs AS PERMISSIVE FOR ALL TO PUBLIC USING (true);
CREATE POLICY "tenant only" ON docs AS RESTRICTIVE FOR ALL TO PUBLIC USING (tenant = 1) WITH CHECK (tenant = 1);
CREATE POLICY readers ON docs FOR SELECT TO strata_golden_reader USING (owner IS NOT NULL);
