DO $$ BEGIN CREATE ROLE strata_golden_owner; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;
CREATE TABLE items (id integer PRIMARY KEY, name text);
ALTER TABLE items OWNER TO strata_golden_owner;
CREATE VIEW item_names AS SELECT name, id FROM items;
ALTER VIEW item_names OWNER TO strata_golden_owner;
