DO $$ BEGIN CREATE ROLE strata_fdw_reader; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;
CREATE SCHEMA "Remote";
CREATE FOREIGN DATA WRAPPER plain_fdw OPTIONS (debug 'false');
CREATE SERVER "archive box" TYPE 'archive' VERSION '1' FOREIGN DATA WRAPPER plain_fdw
    OPTIONS (host 'archive2.internal', dbname 'old', fetch_size '500');
CREATE SERVER spare FOREIGN DATA WRAPPER plain_fdw;
COMMENT ON SERVER "archive box" IS 'last year''s orders';
CREATE USER MAPPING FOR PUBLIC SERVER "archive box" OPTIONS (user 'reader2');
CREATE USER MAPPING FOR strata_fdw_reader SERVER spare;
CREATE FOREIGN TABLE "Remote".orders (
    id bigint OPTIONS (column_name 'order_id') NOT NULL,
    total numeric(12,2) DEFAULT 0,
    note text COLLATE "C",
    placed date,
    CONSTRAINT positive CHECK (total >= 0)
) SERVER "archive box" OPTIONS (schema_name 'sales', table_name 'orders');
COMMENT ON FOREIGN TABLE "Remote".orders IS 'orders of last year';
COMMENT ON COLUMN "Remote".orders.total IS 'in euros';
CREATE VIEW "Remote".big_orders AS SELECT id, total FROM "Remote".orders WHERE total > 1000;
CREATE FOREIGN TABLE "Remote".returns (order_id bigint, reason text) SERVER spare;
ALTER FOREIGN TABLE "Remote".returns ALTER COLUMN reason SET STORAGE MAIN;
ALTER FOREIGN TABLE "Remote".returns ALTER COLUMN order_id SET STATISTICS 500;
ALTER FOREIGN TABLE "Remote".returns ALTER COLUMN order_id SET (n_distinct = -0.5);
