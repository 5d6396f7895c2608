-- undo: + sequence t_id_seq
-- hazard: deletes data
DROP SEQUENCE public.t_id_seq;

-- undo: ~ column t.id: identity serial -> none
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
DO $strata$ DECLARE n text; BEGIN SELECT u.c INTO n FROM pg_catalog.unnest(ARRAY['t_id_seq', 't_id_seq1', 't_id_seq2', 't_id_seq3', 't_id_seq4', 't_id_seq5', 't_id_seq6', 't_id_seq7', 't_id_seq8', 't_id_seq9']::text[]) WITH ORDINALITY AS u(c, i) WHERE pg_catalog.to_regclass(pg_catalog.quote_ident('public') OPERATOR(pg_catalog.||) '.' OPERATOR(pg_catalog.||) pg_catalog.quote_ident(u.c)) IS NULL ORDER BY u.i LIMIT 1; IF n IS NULL THEN RAISE EXCEPTION 'no free name for the sequence of %', 'public.t.id'; END IF; EXECUTE pg_catalog.format('CREATE SEQUENCE %I.%I AS integer', 'public', n); EXECUTE pg_catalog.format('ALTER SEQUENCE %I.%I OWNED BY %I.%I.%I', 'public', n, 'public', 't', 'id'); EXECUTE pg_catalog.format('ALTER TABLE %I.%I ALTER COLUMN %I SET DEFAULT nextval(%L::regclass)', 'public', 't', 'id', pg_catalog.quote_ident('public') OPERATOR(pg_catalog.||) '.' OPERATOR(pg_catalog.||) pg_catalog.quote_ident(n)); END $strata$;
SELECT pg_catalog.setval(pg_catalog.pg_get_serial_sequence('public.t', 'id'), greatest(pg_catalog.max(id), 0) + 1, false) FROM public.t;
