-- undo: + grant to strata_golden_reader (name) ON TABLE public.t
REVOKE SELECT (name) ON TABLE public.t FROM strata_golden_reader;

-- undo: + grant to strata_golden_reader (id) ON TABLE public.t
REVOKE SELECT (id) ON TABLE public.t FROM strata_golden_reader;
