-- undo: - user mapping for strata_fdw_reader server "archive box"
CREATE USER MAPPING FOR strata_fdw_reader SERVER "archive box" OPTIONS ("user" 'r2');

-- undo: + comment on COLUMN "Remote".orders.total
COMMENT ON COLUMN "Remote".orders.total IS NULL;

-- undo: + view "Remote".big_orders
DROP VIEW "Remote".big_orders;

-- undo: + foreign table "Remote".returns
DROP FOREIGN TABLE "Remote".returns;

-- undo: + foreign table "Remote".orders
DROP FOREIGN TABLE "Remote".orders;

-- undo: + user mapping for strata_fdw_reader server spare
DROP USER MAPPING FOR strata_fdw_reader SERVER spare;

-- undo: ~ user mapping for PUBLIC server "archive box" (replaced in place)
ALTER USER MAPPING FOR PUBLIC SERVER "archive box" OPTIONS (SET "user" 'reader');

-- undo: ~ server "archive box" (replaced in place)
ALTER SERVER "archive box" OPTIONS (DROP fetch_size);
ALTER SERVER "archive box" OPTIONS (SET host 'archive.internal');
ALTER SERVER "archive box" OPTIONS (ADD port '5433');

-- undo: ~ foreign data wrapper plain_fdw (replaced in place)
ALTER FOREIGN DATA WRAPPER plain_fdw OPTIONS (SET debug 'true');

-- undo: - foreign table "Remote".gone
CREATE FOREIGN TABLE "Remote".gone (
    id integer
) SERVER spare;

-- undo: - foreign table "Remote".orders
CREATE FOREIGN TABLE "Remote".orders (
    id bigint OPTIONS (column_name 'order_id') NOT NULL,
    total numeric(12,2) DEFAULT 0,
    note text COLLATE "C",
    CONSTRAINT positive CHECK ((total >= (0)::numeric))
) SERVER "archive box" OPTIONS (schema_name 'sales', table_name 'orders');
COMMENT ON FOREIGN TABLE "Remote".orders IS 'orders of last year';

-- undo: - view "Remote".big_orders
CREATE VIEW "Remote".big_orders AS SELECT orders.id,
    orders.total
   FROM "Remote".orders
  WHERE (orders.total > (1000)::numeric);

-- undo: - comment on COLUMN "Remote".orders.total
COMMENT ON COLUMN "Remote".orders.total IS 'in euros';
