-- undo: + grant to strata_golden_reader ON TABLE public.t
REVOKE INSERT, SELECT ON TABLE public.t FROM strata_golden_reader;
