-- + grant to strata_golden_reader ON TABLE public.t
GRANT INSERT, SELECT ON TABLE public.t TO strata_golden_reader;
