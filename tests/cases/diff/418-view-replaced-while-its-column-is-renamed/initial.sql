-- A view changed in place (CREATE OR REPLACE VIEW), a policy altered in
-- place and a grant changed in place, while the table or column they
-- name is renamed: each states the names of its own side, so it is dropped
-- before the renames and created after, both ways (found by the random
-- objects test: the way back ran the old view under the new name).
DO $$ BEGIN CREATE ROLE strata_golden_reader; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;
CREATE TABLE t (id integer PRIMARY KEY, "Name" text, b integer);
CREATE VIEW "v a 6" AS SELECT "Name" FROM t WHERE b IS NOT NULL;
CREATE TABLE accounts (id integer PRIMARY KEY, owner_id integer);
ALTER TABLE accounts ENABLE ROW LEVEL SECURITY;
CREATE POLICY mine ON accounts USING (owner_id = 1);
GRANT SELECT ON accounts TO strata_golden_reader;
