-- undo: + grant to strata_golden_reader ON TABLE public.t
REVOKE UPDATE ON TABLE public.t FROM strata_golden_reader;

-- undo: + grant to strata_golden_reader (b) ON TABLE public.t
REVOKE UPDATE (b) ON TABLE public.t FROM strata_golden_reader;

-- undo: - grant to strata_golden_reader (b) ON TABLE public.t
GRANT UPDATE (b) ON TABLE public.t TO strata_golden_reader;

-- undo: - grant to strata_golden_reader ON TABLE public.t
GRANT INSERT, SELECT ON TABLE public.t TO strata_golden_reader;
