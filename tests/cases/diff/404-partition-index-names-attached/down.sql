-- undo: ~ index of "Sales".orders_us attached to "Sales".orders_placed_idx named orders_us_placed_idx
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
DO $strata$ DECLARE n text; BEGIN SELECT c.relname INTO n FROM pg_catalog.pg_inherits h JOIN pg_catalog.pg_class c ON c.oid = h.inhrelid JOIN pg_catalog.pg_index x ON x.indexrelid = c.oid WHERE h.inhparent = pg_catalog.to_regclass('"Sales".orders_placed_idx') AND x.indrelid = pg_catalog.to_regclass('"Sales".orders_us'); IF n IS NOT NULL AND n <> 'us_placed' THEN EXECUTE pg_catalog.format('ALTER INDEX %I.%I RENAME TO %I', 'Sales', n, 'us_placed'); END IF; END $strata$;

-- undo: ~ index of "Sales".orders_eu attached to "Sales".orders_id_idx named eu_by_id
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
DO $strata$ DECLARE n text; BEGIN SELECT c.relname INTO n FROM pg_catalog.pg_inherits h JOIN pg_catalog.pg_class c ON c.oid = h.inhrelid JOIN pg_catalog.pg_index x ON x.indexrelid = c.oid WHERE h.inhparent = pg_catalog.to_regclass('"Sales".orders_id_idx') AND x.indrelid = pg_catalog.to_regclass('"Sales".orders_eu'); IF n IS NOT NULL AND n <> 'orders_eu_id_idx' THEN EXECUTE pg_catalog.format('ALTER INDEX %I.%I RENAME TO %I', 'Sales', n, 'orders_eu_id_idx'); END IF; END $strata$;

-- undo: ~ index of "Sales".orders_asia attached to "Sales".orders_placed_idx named "Asia's placed"
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
DO $strata$ DECLARE n text; BEGIN SELECT c.relname INTO n FROM pg_catalog.pg_inherits h JOIN pg_catalog.pg_class c ON c.oid = h.inhrelid JOIN pg_catalog.pg_index x ON x.indexrelid = c.oid WHERE h.inhparent = pg_catalog.to_regclass('"Sales".orders_placed_idx') AND x.indrelid = pg_catalog.to_regclass('"Sales".orders_asia'); IF n IS NOT NULL AND n <> 'orders_asia_placed_idx' THEN EXECUTE pg_catalog.format('ALTER INDEX %I.%I RENAME TO %I', 'Sales', n, 'orders_asia_placed_idx'); END IF; END $strata$;

-- undo: + index orders_id_idx on "Sales".orders
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
DROP INDEX "Sales".orders_id_idx;

-- undo: + table "Sales".orders_asia
-- hazard: deletes data
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
DROP TABLE "Sales".orders_asia;
