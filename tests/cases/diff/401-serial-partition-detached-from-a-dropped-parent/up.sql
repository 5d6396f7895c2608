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
DO $strata$ DECLARE n text; BEGIN SELECT u.c INTO n FROM pg_catalog.unnest(ARRAY['q_bar_seq', 'q_bar_seq1', 'q_bar_seq2', 'q_bar_seq3', 'q_bar_seq4', 'q_bar_seq5', 'q_bar_seq6', 'q_bar_seq7', 'q_bar_seq8', 'q_bar_seq9']::text[]) WITH ORDINALITY AS u(c, i) WHERE pg_catalog.to_regclass(pg_catalog.quote_ident('public') OPERATOR(pg_catalog.||) '.' OPERATOR(pg_catalog.||) pg_catalog.quote_ident(u.c)) IS NULL ORDER BY u.i LIMIT 1; IF n IS NULL THEN RAISE EXCEPTION 'no free name for the sequence of %', 'public.q.bar'; END IF; EXECUTE pg_catalog.format('CREATE SEQUENCE %I.%I AS integer', 'public', n); EXECUTE pg_catalog.format('ALTER SEQUENCE %I.%I OWNED BY %I.%I.%I', 'public', n, 'public', 'q', 'bar'); EXECUTE pg_catalog.format('ALTER TABLE %I.%I ALTER COLUMN %I SET DEFAULT nextval(%L::regclass)', 'public', 'q', 'bar', pg_catalog.quote_ident('public') OPERATOR(pg_catalog.||) '.' OPERATOR(pg_catalog.||) pg_catalog.quote_ident(n)); END $strata$;
SELECT pg_catalog.setval(pg_catalog.pg_get_serial_sequence('public.q', 'bar'), greatest(pg_catalog.max(bar), 0) + 1, false) FROM public.q;
