-- + grant to strata_golden_reader ON TABLE public.t
GRANT SELECT ON TABLE public.t TO strata_golden_reader WITH GRANT OPTION;
