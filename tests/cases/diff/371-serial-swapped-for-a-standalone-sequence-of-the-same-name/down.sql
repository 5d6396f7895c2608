-- undo: ~ column test.id: default none -> nextval('public.test_id_seq'::regclass)
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.test ALTER COLUMN id DROP DEFAULT;

-- undo: + sequence test_id_seq
-- hazard: deletes data
DROP SEQUENCE public.test_id_seq;

-- undo: ~ column test.id: identity serial -> none
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
CREATE SEQUENCE public.test_id_seq AS integer;
ALTER SEQUENCE public.test_id_seq OWNED BY public.test.id;
ALTER TABLE public.test ALTER COLUMN id SET DEFAULT nextval('public.test_id_seq'::regclass);
SELECT pg_catalog.setval(pg_catalog.pg_get_serial_sequence('public.test', 'id'), greatest(pg_catalog.max(id), 0) + 1, false) FROM public.test;
