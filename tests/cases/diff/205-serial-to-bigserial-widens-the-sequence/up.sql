-- ~ column t.id: integer -> bigint
-- hazard: rewrites the table
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
-- lock: ACCESS EXCLUSIVE, held while the table is rewritten
ALTER TABLE public.t ALTER COLUMN id TYPE bigint;
DO $strata$ DECLARE s text := pg_catalog.pg_get_serial_sequence('public.t', 'id'); BEGIN IF s IS NOT NULL THEN EXECUTE pg_catalog.format('ALTER SEQUENCE %s AS bigint', s); END IF; END $strata$;
