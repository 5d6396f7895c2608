-- - grant to strata_golden_reader ON TABLE public.t
REVOKE SELECT ON TABLE public.t FROM strata_golden_reader;

-- + grant to strata_golden_reader ON TABLE public.t
GRANT SELECT, UPDATE ON TABLE public.t TO strata_golden_reader;
