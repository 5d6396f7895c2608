-- + grant to strata_golden_reader ON SEQUENCE public.s
GRANT SELECT, USAGE ON SEQUENCE public.s TO strata_golden_reader;
