-- undo: ~ column t.code: sequence options
DO $strata$ BEGIN EXECUTE pg_catalog.format('ALTER SEQUENCE %s INCREMENT BY 1 NO MINVALUE NO MAXVALUE START WITH 1 CACHE 1 NO CYCLE', pg_catalog.pg_get_serial_sequence('public.t', 'code')); END $strata$;

-- undo: ~ column t.id: sequence options
DO $strata$ BEGIN EXECUTE pg_catalog.format('ALTER SEQUENCE %s INCREMENT BY 1 NO MINVALUE NO MAXVALUE START WITH 1 CACHE 1 NO CYCLE', pg_catalog.pg_get_serial_sequence('public.t', 'id')); END $strata$;

-- undo: + table u
-- hazard: deletes data
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
DROP TABLE public.u;
