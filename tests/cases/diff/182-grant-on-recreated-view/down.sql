-- undo: + grant to strata_golden_reader ON TABLE public.v
REVOKE SELECT ON TABLE public.v FROM strata_golden_reader;

-- undo: + view v
DROP VIEW public.v;

-- undo: - view v
CREATE VIEW public.v AS SELECT t.id
   FROM public.t;

-- undo: - grant to strata_golden_reader ON TABLE public.v
GRANT SELECT ON TABLE public.v TO strata_golden_reader;
