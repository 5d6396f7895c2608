-- ~ grant to strata_golden_reader ON TABLE public.t (replaced in place)
GRANT UPDATE ON TABLE public.t TO strata_golden_reader;
