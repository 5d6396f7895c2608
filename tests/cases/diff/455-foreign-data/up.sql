-- - comment on COLUMN "Remote".orders.total
COMMENT ON COLUMN "Remote".orders.total IS NULL;

-- - view "Remote".big_orders
DROP VIEW "Remote".big_orders;

-- - foreign table "Remote".orders
DROP FOREIGN TABLE "Remote".orders;

-- - foreign table "Remote".gone
DROP FOREIGN TABLE "Remote".gone;

-- ~ foreign data wrapper plain_fdw (replaced in place)
ALTER FOREIGN DATA WRAPPER plain_fdw OPTIONS (SET debug 'false');

-- ~ server "archive box" (replaced in place)
ALTER SERVER "archive box" OPTIONS (DROP port);
ALTER SERVER "archive box" OPTIONS (SET host 'archive2.internal');
ALTER SERVER "archive box" OPTIONS (ADD fetch_size '500');

-- ~ user mapping for PUBLIC server "archive box" (replaced in place)
ALTER USER MAPPING FOR PUBLIC SERVER "archive box" OPTIONS (SET "user" 'reader2');

-- + user mapping for strata_fdw_reader server spare
CREATE USER MAPPING FOR strata_fdw_reader SERVER spare;

-- + foreign table "Remote".orders
CREATE FOREIGN TABLE "Remote".orders (
    id bigint OPTIONS (column_name 'order_id') NOT NULL,
    total numeric(12,2) DEFAULT 0,
    note text COLLATE "C",
    placed date,
    CONSTRAINT positive CHECK ((total >= (0)::numeric))
) SERVER "archive box" OPTIONS (schema_name 'sales', table_name 'orders');
COMMENT ON FOREIGN TABLE "Remote".orders IS 'orders of last year';

-- + foreign table "Remote".returns
CREATE FOREIGN TABLE "Remote".returns (
    order_id bigint,
    reason text
) SERVER spare;
ALTER FOREIGN TABLE "Remote".returns ALTER COLUMN order_id SET STATISTICS 500;
ALTER FOREIGN TABLE "Remote".returns ALTER COLUMN order_id SET (n_distinct=-0.5);
ALTER FOREIGN TABLE "Remote".returns ALTER COLUMN reason SET STORAGE MAIN;

-- + view "Remote".big_orders
CREATE VIEW "Remote".big_orders AS SELECT orders.id,
    orders.total
   FROM "Remote".orders
  WHERE (orders.total > (1000)::numeric);

-- + comment on COLUMN "Remote".orders.total
COMMENT ON COLUMN "Remote".orders.total IS 'in euros';

-- - user mapping for strata_fdw_reader server "archive box"
DROP USER MAPPING FOR strata_fdw_reader SERVER "archive box";
