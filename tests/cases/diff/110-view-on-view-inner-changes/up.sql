-- ~ view inner_v (replaced in place)
CREATE OR REPLACE VIEW public.inner_v AS SELECT t.id,
    t.name
   FROM public.t
  WHERE (t.id > 10);
