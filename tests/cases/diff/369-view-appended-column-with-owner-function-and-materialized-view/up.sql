-- ~ view shop.catalog (replaced in place)
CREATE OR REPLACE VIEW shop.catalog AS SELECT product.id,
    product.name,
    product.price
   FROM shop.product
  WHERE (product.price > (0)::numeric);
COMMENT ON VIEW shop.catalog IS 'what we sell, priced';
