-- undo: ~ view v (replaced in place)
REVOKE SELECT ON TABLE public.v FROM strata_golden_reader;
DROP VIEW public.v;
CREATE VIEW public.v AS SELECT t.id
   FROM public.t;
GRANT SELECT ON TABLE public.v TO strata_golden_reader;
