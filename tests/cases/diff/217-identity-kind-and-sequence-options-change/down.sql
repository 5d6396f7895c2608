-- undo: ~ column t.id: identity always -> by default
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.t ALTER COLUMN id SET GENERATED ALWAYS;

-- undo: ~ column t.id: sequence options
DO $strata$ DECLARE s text := pg_catalog.pg_get_serial_sequence('public.t', 'id'); v bigint; BEGIN EXECUTE pg_catalog.format('SELECT last_value FROM %s', s) INTO v; EXECUTE pg_catalog.format('ALTER SEQUENCE %s INCREMENT BY 2 NO MINVALUE NO MAXVALUE START WITH 100 CACHE 1 NO CYCLE', s) || CASE WHEN v < 1 THEN ' RESTART' ELSE '' END; END $strata$;
