-- ~ column test.id: identity serial -> none
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.test ALTER COLUMN id DROP DEFAULT;
DO $strata$ BEGIN EXECUTE 'DROP SEQUENCE ' || pg_catalog.pg_get_serial_sequence('public.test', 'id'); END $strata$;

-- + sequence test_id_seq
CREATE SEQUENCE public.test_id_seq AS bigint INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1 NO CYCLE;

-- ~ column test.id: default none -> nextval('public.test_id_seq'::regclass)
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.test ALTER COLUMN id SET DEFAULT nextval('public.test_id_seq'::regclass);
