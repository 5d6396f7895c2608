-- + view v
CREATE VIEW public.v WITH (security_barrier=true, check_option=local) AS SELECT t.id,
    t.name
   FROM public.t
  WHERE (t.id > 0);
