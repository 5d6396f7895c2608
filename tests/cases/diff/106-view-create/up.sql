-- + view v
CREATE VIEW public.v AS SELECT t.id,
    t.name
   FROM public.t
  WHERE (t.id > 0);
