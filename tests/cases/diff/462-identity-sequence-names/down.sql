-- undo: ~ column orders.id: sequence options
DO $strata$ BEGIN EXECUTE pg_catalog.format('ALTER SEQUENCE %s RENAME TO %I', pg_catalog.pg_get_serial_sequence('public.orders', 'id'), 'order_numbers'); END $strata$;

-- undo: ~ column items.id: sequence options
DO $strata$ BEGIN EXECUTE pg_catalog.format('ALTER SEQUENCE %s RENAME TO %I', pg_catalog.pg_get_serial_sequence('public.items', 'id'), 'items_id_seq'); END $strata$;

-- undo: ~ column "Line Items"."Line ID": sequence options
DO $strata$ BEGIN EXECUTE pg_catalog.format('ALTER SEQUENCE %s RENAME TO %I', pg_catalog.pg_get_serial_sequence('public."Line Items"', 'Line ID'), 'line ids'); END $strata$;

-- undo: + table fresh
-- hazard: deletes data
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
DROP TABLE public.fresh;

-- undo: ~ rename column cols.old_col -> new_col
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.cols RENAME COLUMN new_col TO old_col;
DO $strata$ DECLARE s text := pg_catalog.pg_get_serial_sequence('public.cols', 'old_col'); BEGIN IF s IS NOT NULL AND pg_catalog.to_regclass('public.cols_old_col_seq') IS NULL THEN EXECUTE pg_catalog.format('ALTER SEQUENCE %s RENAME TO %I', s, 'cols_old_col_seq'); END IF; END $strata$;

-- undo: ~ rename table old_name -> new_name
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.new_name RENAME TO old_name;
DO $strata$ DECLARE s text := pg_catalog.pg_get_serial_sequence('public.old_name', 'id'); BEGIN IF s IS NOT NULL AND pg_catalog.to_regclass('public.old_name_id_seq') IS NULL THEN EXECUTE pg_catalog.format('ALTER SEQUENCE %s RENAME TO %I', s, 'old_name_id_seq'); END IF; END $strata$;
