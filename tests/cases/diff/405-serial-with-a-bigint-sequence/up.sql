-- + table test
CREATE TABLE public.test (
    id serial NOT NULL,
    txt text
);
DO $strata$ BEGIN EXECUTE pg_catalog.format('ALTER SEQUENCE %s AS bigint INCREMENT BY 1 NO MINVALUE MAXVALUE 9223372036854775807 START WITH 1 CACHE 1 NO CYCLE RESTART', pg_catalog.pg_get_serial_sequence('public.test', 'id')); END $strata$;

-- ~ column kept.id: identity none -> serial
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
DO $strata$ DECLARE n text; BEGIN SELECT u.c INTO n FROM pg_catalog.unnest(ARRAY['kept_id_seq', 'kept_id_seq1', 'kept_id_seq2', 'kept_id_seq3', 'kept_id_seq4', 'kept_id_seq5', 'kept_id_seq6', 'kept_id_seq7', 'kept_id_seq8', 'kept_id_seq9']::text[]) WITH ORDINALITY AS u(c, i) WHERE pg_catalog.to_regclass(pg_catalog.quote_ident('public') OPERATOR(pg_catalog.||) '.' OPERATOR(pg_catalog.||) pg_catalog.quote_ident(u.c)) IS NULL ORDER BY u.i LIMIT 1; IF n IS NULL THEN RAISE EXCEPTION 'no free name for the sequence of %', 'public.kept.id'; END IF; EXECUTE pg_catalog.format('CREATE SEQUENCE %I.%I AS integer', 'public', n); EXECUTE pg_catalog.format('ALTER SEQUENCE %I.%I OWNED BY %I.%I.%I', 'public', n, 'public', 'kept', 'id'); EXECUTE pg_catalog.format('ALTER TABLE %I.%I ALTER COLUMN %I SET DEFAULT nextval(%L::regclass)', 'public', 'kept', 'id', pg_catalog.quote_ident('public') OPERATOR(pg_catalog.||) '.' OPERATOR(pg_catalog.||) pg_catalog.quote_ident(n)); END $strata$;
SELECT pg_catalog.setval(pg_catalog.pg_get_serial_sequence('public.kept', 'id'), greatest(pg_catalog.max(id), 0) + 1, false) FROM public.kept;

-- ~ column kept.id: sequence options
DO $strata$ DECLARE s text := pg_catalog.pg_get_serial_sequence('public.kept', 'id'); v bigint; BEGIN EXECUTE pg_catalog.format('SELECT last_value FROM %s', s) INTO v; EXECUTE pg_catalog.format('ALTER SEQUENCE %s AS bigint INCREMENT BY 1 NO MINVALUE MAXVALUE 9223372036854775807 START WITH 1 CACHE 1 NO CYCLE', s) || CASE WHEN v < 1 OR v > 9223372036854775807 THEN ' RESTART' ELSE '' END; END $strata$;
