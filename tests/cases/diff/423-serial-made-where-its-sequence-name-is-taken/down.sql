-- undo: ~ column t.id: identity none -> serial
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.t ALTER COLUMN id DROP DEFAULT;
DO $strata$ BEGIN EXECUTE 'DROP SEQUENCE ' || pg_catalog.pg_get_serial_sequence('public.t', 'id'); END $strata$;
