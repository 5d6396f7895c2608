-- undo: ~ column kept.id: sequence options
DO $strata$ DECLARE s text := pg_catalog.pg_get_serial_sequence('public.kept', 'id'); v bigint; BEGIN EXECUTE pg_catalog.format('SELECT last_value FROM %s', s) INTO v; EXECUTE pg_catalog.format('ALTER SEQUENCE %s INCREMENT BY 1 NO MINVALUE NO MAXVALUE START WITH 1 CACHE 1 NO CYCLE', s) || CASE WHEN v < 1 THEN ' RESTART' ELSE '' END; END $strata$;

-- undo: ~ column kept.id: identity none -> serial
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.kept ALTER COLUMN id DROP DEFAULT;
DO $strata$ BEGIN EXECUTE 'DROP SEQUENCE ' || pg_catalog.pg_get_serial_sequence('public.kept', 'id'); END $strata$;

-- undo: + table test
-- hazard: deletes data
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
DROP TABLE public.test;
