-- undo: ~ grant to strata_golden_reader ON TABLE public.t (replaced in place)
REVOKE UPDATE ON TABLE public.t FROM strata_golden_reader;
