-- undo: ~ view shop.catalog (replaced in place)
DROP MATERIALIZED VIEW shop.catalog_ids;
DROP FUNCTION shop.catalog_rows();
DROP VIEW shop.catalog;
CREATE VIEW shop.catalog AS SELECT product.id,
    product.name
   FROM shop.product;
COMMENT ON VIEW shop.catalog IS 'what we sell';
SET check_function_bodies = off;
CREATE OR REPLACE FUNCTION shop.catalog_rows()
 RETURNS SETOF shop.catalog
 LANGUAGE sql
 STABLE
AS $function$SELECT * FROM shop.catalog$function$;
RESET check_function_bodies;
CREATE MATERIALIZED VIEW shop.catalog_ids AS SELECT catalog.id
   FROM shop.catalog WITH DATA;
ALTER VIEW shop.catalog OWNER TO strata_golden_owner;
