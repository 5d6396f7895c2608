-- undo: ~ column t.c1: smallint -> boolean
-- hazard: rewrites the table
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
-- hazard: can fail on existing rows
-- lock: ACCESS EXCLUSIVE, held while the table is rewritten
ALTER TABLE public.t ALTER COLUMN c1 TYPE smallint USING c1::text::smallint;
DO $strata$ DECLARE s text := pg_catalog.pg_get_serial_sequence('public.t', 'c1'); BEGIN IF s IS NOT NULL THEN EXECUTE pg_catalog.format('ALTER SEQUENCE %s AS smallint', s); END IF; END $strata$;

-- undo: ~ column t.c1: identity serial -> none
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
CREATE SEQUENCE public.t_c1_seq AS smallint;
ALTER SEQUENCE public.t_c1_seq OWNED BY public.t.c1;
ALTER TABLE public.t ALTER COLUMN c1 SET DEFAULT nextval('public.t_c1_seq'::regclass);
SELECT pg_catalog.setval(pg_catalog.pg_get_serial_sequence('public.t', 'c1'), greatest(pg_catalog.max(c1), 0) + 1, false) FROM public.t;

-- undo: - primary key t_pkey on t
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
-- hazard: can fail on existing rows
-- lock: ACCESS EXCLUSIVE, held while every row is read
ALTER TABLE public.t ADD CONSTRAINT t_pkey PRIMARY KEY (c1);

-- undo: - check ck4 on t
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
-- hazard: can fail on existing rows
-- lock: ACCESS EXCLUSIVE, held while every row is read
ALTER TABLE public.t ADD CONSTRAINT ck4 CHECK (c1 > 0);
