-- + table "Sales".orders_asia
CREATE TABLE "Sales".orders_asia PARTITION OF "Sales".orders FOR VALUES IN ('asia');

-- + index orders_id_idx on "Sales".orders
-- hazard: blocks writes to the table while it runs
-- lock: SHARE, held while every row is read
CREATE INDEX orders_id_idx ON "Sales".orders (id);

-- ~ index of "Sales".orders_asia attached to "Sales".orders_placed_idx named "Asia's placed"
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
DO $strata$ DECLARE n text; BEGIN SELECT c.relname INTO n FROM pg_catalog.pg_inherits h JOIN pg_catalog.pg_class c ON c.oid = h.inhrelid JOIN pg_catalog.pg_index x ON x.indexrelid = c.oid WHERE h.inhparent = pg_catalog.to_regclass('"Sales".orders_placed_idx') AND x.indrelid = pg_catalog.to_regclass('"Sales".orders_asia'); IF n IS NOT NULL AND n <> 'Asia''s placed' THEN EXECUTE pg_catalog.format('ALTER INDEX %I.%I RENAME TO %I', 'Sales', n, 'Asia''s placed'); END IF; END $strata$;

-- ~ index of "Sales".orders_eu attached to "Sales".orders_id_idx named eu_by_id
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
DO $strata$ DECLARE n text; BEGIN SELECT c.relname INTO n FROM pg_catalog.pg_inherits h JOIN pg_catalog.pg_class c ON c.oid = h.inhrelid JOIN pg_catalog.pg_index x ON x.indexrelid = c.oid WHERE h.inhparent = pg_catalog.to_regclass('"Sales".orders_id_idx') AND x.indrelid = pg_catalog.to_regclass('"Sales".orders_eu'); IF n IS NOT NULL AND n <> 'eu_by_id' THEN EXECUTE pg_catalog.format('ALTER INDEX %I.%I RENAME TO %I', 'Sales', n, 'eu_by_id'); END IF; END $strata$;

-- ~ index of "Sales".orders_us attached to "Sales".orders_placed_idx named orders_us_placed_idx
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
DO $strata$ DECLARE n text; BEGIN SELECT c.relname INTO n FROM pg_catalog.pg_inherits h JOIN pg_catalog.pg_class c ON c.oid = h.inhrelid JOIN pg_catalog.pg_index x ON x.indexrelid = c.oid WHERE h.inhparent = pg_catalog.to_regclass('"Sales".orders_placed_idx') AND x.indrelid = pg_catalog.to_regclass('"Sales".orders_us'); IF n IS NOT NULL AND n <> 'orders_us_placed_idx' THEN EXECUTE pg_catalog.format('ALTER INDEX %I.%I RENAME TO %I', 'Sales', n, 'orders_us_placed_idx'); END IF; END $strata$;
