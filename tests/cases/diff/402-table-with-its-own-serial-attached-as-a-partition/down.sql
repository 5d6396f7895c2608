-- undo: + partition p1 of p FOR VALUES IN (1)
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.p DETACH PARTITION public.p1;

-- undo: ~ column p1.s: default none -> nextval('public.p_s_seq'::regclass)
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.p1 ALTER COLUMN s DROP DEFAULT;

-- undo: ~ column p1.s: identity serial -> none
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
CREATE SEQUENCE public.p1_s_seq AS integer;
ALTER SEQUENCE public.p1_s_seq OWNED BY public.p1.s;
ALTER TABLE public.p1 ALTER COLUMN s SET DEFAULT nextval('public.p1_s_seq'::regclass);
SELECT pg_catalog.setval(pg_catalog.pg_get_serial_sequence('public.p1', 's'), greatest(pg_catalog.max(s), 0) + 1, false) FROM public.p1;
