-- undo: + grant to strata_golden_reader ON TABLE public.t
REVOKE SELECT, UPDATE ON TABLE public.t FROM strata_golden_reader;

-- undo: - grant to strata_golden_reader ON TABLE public.t
GRANT SELECT ON TABLE public.t TO strata_golden_reader;
