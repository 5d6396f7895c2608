-- ~ view "Reports"."Big Sales" (replaced in place)
CREATE OR REPLACE VIEW "Reports"."Big Sales" WITH (security_barrier=true) AS SELECT sale.id,
    sale.amount,
    sale.region
   FROM "Reports".sale
  WHERE (sale.amount > (500)::numeric);
