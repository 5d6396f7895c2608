-- + table test
CREATE TABLE public.test (
    id serial NOT NULL,
    txt text
);
DO $strata$ BEGIN EXECUTE pg_catalog.format('ALTER SEQUENCE %s AS bigint INCREMENT BY 1 NO MINVALUE MAXVALUE 9223372036854775807 START WITH 1 CACHE 1 NO CYCLE RESTART', pg_catalog.pg_get_serial_sequence('public.test', 'id')); END $strata$;

-- ~ column kept.id: identity none -> serial
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
CREATE SEQUENCE public.kept_id_seq AS integer;
ALTER SEQUENCE public.kept_id_seq OWNED BY public.kept.id;
ALTER TABLE public.kept ALTER COLUMN id SET DEFAULT nextval('public.kept_id_seq'::regclass);
SELECT pg_catalog.setval(pg_catalog.pg_get_serial_sequence('public.kept', 'id'), greatest(pg_catalog.max(id), 0) + 1, false) FROM public.kept;

-- ~ column kept.id: sequence options
DO $strata$ DECLARE s text := pg_catalog.pg_get_serial_sequence('public.kept', 'id'); v bigint; BEGIN EXECUTE pg_catalog.format('SELECT last_value FROM %s', s) INTO v; EXECUTE pg_catalog.format('ALTER SEQUENCE %s AS bigint INCREMENT BY 1 NO MINVALUE MAXVALUE 9223372036854775807 START WITH 1 CACHE 1 NO CYCLE', s) || CASE WHEN v < 1 OR v > 9223372036854775807 THEN ' RESTART' ELSE '' END; END $strata$;
