-- undo: - table legacy
-- note: re-creates the definition only; the data the up migration deleted is not restored
CREATE TABLE public.legacy (
    id integer DEFAULT nextval('public.legacy_id_seq'::regclass) NOT NULL,
    v text,
    CONSTRAINT legacy_pkey PRIMARY KEY (id)
);

-- undo: ~ sequence public.legacy_id_seq: released by serial column legacy.id (OWNED BY NONE), kept with its value
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER SEQUENCE public.legacy_id_seq OWNED BY public.legacy.id;
ALTER TABLE public.legacy ALTER COLUMN id SET DEFAULT nextval('public.legacy_id_seq'::regclass);
DO $strata$ DECLARE s text := pg_catalog.pg_get_serial_sequence('public.legacy', 'id'); BEGIN IF s IS NOT NULL THEN EXECUTE pg_catalog.format('ALTER SEQUENCE %s AS integer', s); END IF; END $strata$;
DO $strata$ DECLARE s text := pg_catalog.pg_get_serial_sequence('public.legacy', 'id'); v bigint; BEGIN EXECUTE pg_catalog.format('SELECT last_value FROM %s', s) INTO v; EXECUTE pg_catalog.format('ALTER SEQUENCE %s INCREMENT BY 1 NO MINVALUE NO MAXVALUE START WITH 1 CACHE 1 NO CYCLE', s) || CASE WHEN v < 1 THEN ' RESTART' ELSE '' END; END $strata$;

-- undo: - column items.code
-- note: re-creates the definition only; the data the up migration deleted is not restored
-- hazard: rewrites the table
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
-- lock: ACCESS EXCLUSIVE, held while the table is rewritten
ALTER TABLE public.items ADD COLUMN code integer DEFAULT nextval('public.items_code_seq'::regclass) NOT NULL;

-- undo: ~ sequence public.items_code_seq: released by serial column items.code (OWNED BY NONE), kept with its value
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER SEQUENCE public.items_code_seq OWNED BY public.items.code;
ALTER TABLE public.items ALTER COLUMN code SET DEFAULT nextval('public.items_code_seq'::regclass);
DO $strata$ DECLARE s text := pg_catalog.pg_get_serial_sequence('public.items', 'code'); BEGIN IF s IS NOT NULL THEN EXECUTE pg_catalog.format('ALTER SEQUENCE %s AS integer', s); END IF; END $strata$;
DO $strata$ DECLARE s text := pg_catalog.pg_get_serial_sequence('public.items', 'code'); v bigint; BEGIN EXECUTE pg_catalog.format('SELECT last_value FROM %s', s) INTO v; EXECUTE pg_catalog.format('ALTER SEQUENCE %s INCREMENT BY 1 NO MINVALUE NO MAXVALUE START WITH 1 CACHE 1 NO CYCLE', s) || CASE WHEN v < 1 THEN ' RESTART' ELSE '' END; END $strata$;
