-- undo: ~ column t.id: integer -> bigint
-- hazard: deletes data
-- hazard: rewrites the table
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
-- hazard: can fail on existing rows
-- lock: ACCESS EXCLUSIVE, held while the table is rewritten
ALTER TABLE public.t ALTER COLUMN id TYPE integer;
DO $strata$ DECLARE s text := pg_catalog.pg_get_serial_sequence('public.t', 'id'); BEGIN IF s IS NOT NULL THEN EXECUTE pg_catalog.format('ALTER SEQUENCE %s AS integer', s); END IF; END $strata$;
