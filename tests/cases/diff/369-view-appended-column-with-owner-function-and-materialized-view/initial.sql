-- A view with an owner, a function returning its rows, a materialized view
-- and a trigger-free view on it gets a column at the end: replaced in
-- place; the down migration drops them all (the owner goes with the view),
-- drops and creates the view, and creates them again with the owner.
DO $$ BEGIN CREATE ROLE strata_golden_owner; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;
CREATE SCHEMA shop;
CREATE TABLE shop.product (id int PRIMARY KEY, name text, price numeric(10,2));
INSERT INTO shop.product VALUES (1, 'pen', 2.5), (2, 'ink', 9);
GRANT USAGE ON SCHEMA shop TO strata_golden_owner;
GRANT SELECT ON shop.product TO strata_golden_owner;
CREATE VIEW shop.catalog AS SELECT id, name FROM shop.product;
ALTER VIEW shop.catalog OWNER TO strata_golden_owner;
COMMENT ON VIEW shop.catalog IS 'what we sell';
CREATE FUNCTION shop.catalog_rows() RETURNS SETOF shop.catalog LANGUAGE sql STABLE AS 'SELECT * FROM shop.catalog';
CREATE MATERIALIZED VIEW shop.catalog_ids AS SELECT id FROM shop.catalog;
