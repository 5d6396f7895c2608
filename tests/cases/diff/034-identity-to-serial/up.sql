-- ~ column t.id: identity always -> serial
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.t ALTER COLUMN id DROP IDENTITY;
CREATE SEQUENCE public.t_id_seq AS bigint;
ALTER SEQUENCE public.t_id_seq OWNED BY public.t.id;
ALTER TABLE public.t ALTER COLUMN id SET DEFAULT nextval('public.t_id_seq'::regclass);
SELECT pg_catalog.setval(pg_catalog.pg_get_serial_sequence('public.t', 'id'), greatest(pg_catalog.max(id), 0) + 1, false) FROM public.t;
