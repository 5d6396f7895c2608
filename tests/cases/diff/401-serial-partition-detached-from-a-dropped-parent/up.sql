-- - partition c of p
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.p DETACH PARTITION public.c;

-- - partition q of p
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.p DETACH PARTITION public.q;

-- ~ column c.bar: default nextval('public.p_bar_seq'::regclass) -> none
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.c ALTER COLUMN bar DROP DEFAULT;

-- ~ column q.bar: default nextval('public.p_bar_seq'::regclass) -> none
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.q ALTER COLUMN bar DROP DEFAULT;

-- - table p
-- hazard: deletes data
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
DROP TABLE public.p;

-- ~ column c.bar: integer -> bigint
-- hazard: rewrites the table
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
-- lock: ACCESS EXCLUSIVE, held while the table is rewritten
ALTER TABLE public.c
  ALTER COLUMN bar TYPE bigint,
  ALTER COLUMN bar SET DEFAULT 0;

-- ~ column q.bar: identity none -> serial
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
CREATE SEQUENCE public.q_bar_seq AS integer;
ALTER SEQUENCE public.q_bar_seq OWNED BY public.q.bar;
ALTER TABLE public.q ALTER COLUMN bar SET DEFAULT nextval('public.q_bar_seq'::regclass);
SELECT pg_catalog.setval(pg_catalog.pg_get_serial_sequence('public.q', 'bar'), greatest(pg_catalog.max(bar), 0) + 1, false) FROM public.q;
