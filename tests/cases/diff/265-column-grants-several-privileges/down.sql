-- undo: + grant to strata_golden_reader (name) ON TABLE public.person
REVOKE INSERT (name), SELECT (name), UPDATE (name) ON TABLE public.person FROM strata_golden_reader;

-- undo: + grant to strata_golden_reader (id) ON TABLE public.person
REVOKE INSERT (id), SELECT (id) ON TABLE public.person FROM strata_golden_reader;

-- undo: - grant to strata_golden_reader ON TABLE public.person
GRANT SELECT ON TABLE public.person TO strata_golden_reader;
