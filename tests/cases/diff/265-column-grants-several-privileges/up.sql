-- - grant to strata_golden_reader ON TABLE public.person
REVOKE SELECT ON TABLE public.person FROM strata_golden_reader;

-- + grant to strata_golden_reader (id) ON TABLE public.person
GRANT INSERT (id), SELECT (id) ON TABLE public.person TO strata_golden_reader;

-- + grant to strata_golden_reader (name) ON TABLE public.person
GRANT INSERT (name), SELECT (name), UPDATE (name) ON TABLE public.person TO strata_golden_reader;
