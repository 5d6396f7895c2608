-- undo: ~ column t.c1: smallint -> boolean
-- hazard: rewrites the table
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
-- hazard: can fail on existing rows
-- lock: ACCESS EXCLUSIVE, held while the table is rewritten
ALTER TABLE public.t ALTER COLUMN c1 TYPE smallint USING c1::text::smallint;
DO $strata$ DECLARE s text := pg_catalog.pg_get_serial_sequence('public.t', 'c1'); BEGIN IF s IS NOT NULL THEN EXECUTE pg_catalog.format('ALTER SEQUENCE %s AS smallint', s); END IF; END $strata$;

-- undo: ~ column t.c1: identity serial -> none
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
DO $strata$ DECLARE n text; BEGIN SELECT u.c INTO n FROM pg_catalog.unnest(ARRAY['t_c1_seq', 't_c1_seq1', 't_c1_seq2', 't_c1_seq3', 't_c1_seq4', 't_c1_seq5', 't_c1_seq6', 't_c1_seq7', 't_c1_seq8', 't_c1_seq9']::text[]) WITH ORDINALITY AS u(c, i) WHERE pg_catalog.to_regclass(pg_catalog.quote_ident('public') OPERATOR(pg_catalog.||) '.' OPERATOR(pg_catalog.||) pg_catalog.quote_ident(u.c)) IS NULL ORDER BY u.i LIMIT 1; IF n IS NULL THEN RAISE EXCEPTION 'no free name for the sequence of %', 'public.t.c1'; END IF; EXECUTE pg_catalog.format('CREATE SEQUENCE %I.%I AS smallint', 'public', n); EXECUTE pg_catalog.format('ALTER SEQUENCE %I.%I OWNED BY %I.%I.%I', 'public', n, 'public', 't', 'c1'); EXECUTE pg_catalog.format('ALTER TABLE %I.%I ALTER COLUMN %I SET DEFAULT nextval(%L::regclass)', 'public', 't', 'c1', pg_catalog.quote_ident('public') OPERATOR(pg_catalog.||) '.' OPERATOR(pg_catalog.||) pg_catalog.quote_ident(n)); END $strata$;
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
