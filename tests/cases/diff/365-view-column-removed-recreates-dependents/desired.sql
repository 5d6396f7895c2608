DO $$ BEGIN CREATE ROLE strata_golden_reader; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;
CREATE TABLE item (id int PRIMARY KEY, name text, note text);
CREATE VIEW item_v AS SELECT id, name FROM item;
CREATE VIEW item_names AS SELECT id, name FROM item_v;
GRANT SELECT ON item_v TO strata_golden_reader;
