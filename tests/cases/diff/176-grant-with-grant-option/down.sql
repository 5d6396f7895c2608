-- undo: + grant to strata_golden_reader ON TABLE public.t
REVOKE SELECT ON TABLE public.t FROM strata_golden_reader;
