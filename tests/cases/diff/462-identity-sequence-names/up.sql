-- ~ rename table old_name -> new_name
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.old_name RENAME TO new_name;
DO $strata$ DECLARE s text := pg_catalog.pg_get_serial_sequence('public.new_name', 'id'); BEGIN IF s IS NOT NULL AND pg_catalog.to_regclass('public.new_name_id_seq') IS NULL THEN EXECUTE pg_catalog.format('ALTER SEQUENCE %s RENAME TO %I', s, 'new_name_id_seq'); END IF; END $strata$;

-- ~ rename column cols.old_col -> new_col
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.cols RENAME COLUMN old_col TO new_col;
DO $strata$ DECLARE s text := pg_catalog.pg_get_serial_sequence('public.cols', 'new_col'); BEGIN IF s IS NOT NULL AND pg_catalog.to_regclass('public.cols_new_col_seq') IS NULL THEN EXECUTE pg_catalog.format('ALTER SEQUENCE %s RENAME TO %I', s, 'cols_new_col_seq'); END IF; END $strata$;

-- + table fresh
CREATE TABLE public.fresh (
    id integer GENERATED ALWAYS AS IDENTITY (SEQUENCE NAME fresh_numbers INCREMENT BY 5) NOT NULL
);

-- ~ column "Line Items"."Line ID": sequence options
DO $strata$ BEGIN EXECUTE pg_catalog.format('ALTER SEQUENCE %s RENAME TO %I', pg_catalog.pg_get_serial_sequence('public."Line Items"', 'Line ID'), 'Line Numbers'); END $strata$;

-- ~ column items.id: sequence options
DO $strata$ BEGIN EXECUTE pg_catalog.format('ALTER SEQUENCE %s RENAME TO %I', pg_catalog.pg_get_serial_sequence('public.items', 'id'), 'item_ids'); END $strata$;

-- ~ column orders.id: sequence options
DO $strata$ BEGIN EXECUTE pg_catalog.format('ALTER SEQUENCE %s RENAME TO %I', pg_catalog.pg_get_serial_sequence('public.orders', 'id'), 'orders_id_seq'); END $strata$;
