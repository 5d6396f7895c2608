-- ~ sequence public.test_id_seq: owned by column test.id, which becomes serial
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER SEQUENCE public.test_id_seq OWNED BY public.test.id;
ALTER TABLE public.test ALTER COLUMN id SET DEFAULT nextval('public.test_id_seq'::regclass);
DO $strata$ DECLARE s text := pg_catalog.pg_get_serial_sequence('public.test', 'id'); BEGIN IF s IS NOT NULL THEN EXECUTE pg_catalog.format('ALTER SEQUENCE %s AS integer', s); END IF; END $strata$;
DO $strata$ DECLARE s text := pg_catalog.pg_get_serial_sequence('public.test', 'id'); v bigint; BEGIN EXECUTE pg_catalog.format('SELECT last_value FROM %s', s) INTO v; EXECUTE pg_catalog.format('ALTER SEQUENCE %s INCREMENT BY 1 NO MINVALUE NO MAXVALUE START WITH 1 CACHE 1 NO CYCLE', s) || CASE WHEN v < 1 THEN ' RESTART' ELSE '' END; END $strata$;
