-- A column leaves the view: no CREATE OR REPLACE can do that, so the view
-- is dropped and created, and the view on it (and its grant) with it.
DO $$ BEGIN CREATE ROLE strata_golden_reader; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;
CREATE TABLE item (id int PRIMARY KEY, name text, note text);
INSERT INTO item VALUES (1, 'a', 'x');
CREATE VIEW item_v AS SELECT id, name, note FROM item;
CREATE VIEW item_names AS SELECT id, name FROM item_v;
GRANT SELECT ON item_v TO strata_golden_reader;
