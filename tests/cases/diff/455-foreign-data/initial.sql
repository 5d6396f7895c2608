-- Foreign data: a wrapper whose options change in place, a server whose
-- options change in place (one dropped, one set, one added), user mappings
-- (one for PUBLIC; a password option is never read nor written), foreign
-- tables (one changed: dropped and created with the view on it; one
-- dropped; one new) with column options, NOT NULL, a default, a
-- collation, a CHECK, column storage, statistics target and n_distinct;
-- comments; a schema that needs quoting.
DO $$ BEGIN CREATE ROLE strata_fdw_reader; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;
CREATE SCHEMA "Remote";
CREATE FOREIGN DATA WRAPPER plain_fdw OPTIONS (debug 'true');
CREATE SERVER "archive box" TYPE 'archive' VERSION '1' FOREIGN DATA WRAPPER plain_fdw
    OPTIONS (host 'archive.internal', port '5433', dbname 'old');
CREATE SERVER spare FOREIGN DATA WRAPPER plain_fdw;
COMMENT ON SERVER "archive box" IS 'last year''s orders';
CREATE USER MAPPING FOR PUBLIC SERVER "archive box" OPTIONS (user 'reader');
CREATE USER MAPPING FOR strata_fdw_reader SERVER "archive box" OPTIONS (user 'r2', password 'not read');
CREATE FOREIGN TABLE "Remote".orders (
    id bigint OPTIONS (column_name 'order_id') NOT NULL,
    total numeric(12,2) DEFAULT 0,
    note text COLLATE "C",
    CONSTRAINT positive CHECK (total >= 0)
) SERVER "archive box" OPTIONS (schema_name 'sales', table_name 'orders');
COMMENT ON FOREIGN TABLE "Remote".orders IS 'orders of last year';
COMMENT ON COLUMN "Remote".orders.total IS 'in euros';
CREATE VIEW "Remote".big_orders AS SELECT id, total FROM "Remote".orders WHERE total > 1000;
CREATE FOREIGN TABLE "Remote".gone (id integer) SERVER spare;
