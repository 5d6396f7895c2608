-- + view "App"."My View"
CREATE VIEW "App"."My View" AS SELECT "Order"."Id",
    "Order"."select"
   FROM "App"."Order";
COMMENT ON VIEW "App"."My View" IS 'it''s a view';
