-- - grant to strata_golden_writer ON TABLE public.t
REVOKE SELECT ON TABLE public.t FROM strata_golden_writer;

-- - grant to strata_golden_writer (note) ON TABLE public.t
REVOKE SELECT (note) ON TABLE public.t FROM strata_golden_writer;

-- - grant to strata_golden_reader (id) ON TABLE public.t
REVOKE SELECT (id) ON TABLE public.t FROM strata_golden_reader;

-- + grant to strata_golden_reader (id) ON TABLE public.t
GRANT SELECT (id) ON TABLE public.t TO strata_golden_reader;

-- + grant to strata_golden_reader ON TABLE public.t
GRANT INSERT, SELECT ON TABLE public.t TO strata_golden_reader;

-- + grant to strata_golden_writer (note) ON TABLE public.t
GRANT SELECT (note) ON TABLE public.t TO strata_golden_writer;
