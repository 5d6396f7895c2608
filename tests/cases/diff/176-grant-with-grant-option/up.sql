-- + grant to strata_golden_reader ON TABLE public.t WITH GRANT OPTION
GRANT SELECT ON TABLE public.t TO strata_golden_reader WITH GRANT OPTION;
