-- undo: + partition p1 of p FOR VALUES IN (1)
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.p DETACH PARTITION public.p1;

-- undo: ~ column p1.s: default none -> nextval('public.p_s_seq'::regclass)
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.p1 ALTER COLUMN s DROP DEFAULT;

-- undo: ~ column p1.s: identity serial -> none
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
DO $strata$ DECLARE n text; BEGIN SELECT u.c INTO n FROM pg_catalog.unnest(ARRAY['p1_s_seq', 'p1_s_seq1', 'p1_s_seq2', 'p1_s_seq3', 'p1_s_seq4', 'p1_s_seq5', 'p1_s_seq6', 'p1_s_seq7', 'p1_s_seq8', 'p1_s_seq9']::text[]) WITH ORDINALITY AS u(c, i) WHERE pg_catalog.to_regclass(pg_catalog.quote_ident('public') OPERATOR(pg_catalog.||) '.' OPERATOR(pg_catalog.||) pg_catalog.quote_ident(u.c)) IS NULL ORDER BY u.i LIMIT 1; IF n IS NULL THEN RAISE EXCEPTION 'no free name for the sequence of %', 'public.p1.s'; END IF; EXECUTE pg_catalog.format('CREATE SEQUENCE %I.%I AS integer', 'public', n); EXECUTE pg_catalog.format('ALTER SEQUENCE %I.%I OWNED BY %I.%I.%I', 'public', n, 'public', 'p1', 's'); EXECUTE pg_catalog.format('ALTER TABLE %I.%I ALTER COLUMN %I SET DEFAULT nextval(%L::regclass)', 'public', 'p1', 's', pg_catalog.quote_ident('public') OPERATOR(pg_catalog.||) '.' OPERATOR(pg_catalog.||) pg_catalog.quote_ident(n)); END $strata$;
SELECT pg_catalog.setval(pg_catalog.pg_get_serial_sequence('public.p1', 's'), greatest(pg_catalog.max(s), 0) + 1, false) FROM public.p1;
