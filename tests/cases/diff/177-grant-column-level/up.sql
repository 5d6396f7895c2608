-- + grant to strata_golden_reader (id) ON TABLE public.t
GRANT SELECT (id) ON TABLE public.t TO strata_golden_reader;

-- + grant to strata_golden_reader (name) ON TABLE public.t
GRANT SELECT (name) ON TABLE public.t TO strata_golden_reader;
