-- undo: + grant to strata_golden_reader ON SEQUENCE public.s
REVOKE SELECT, USAGE ON SEQUENCE public.s FROM strata_golden_reader;
