-- ~ view v (replaced in place)
CREATE OR REPLACE VIEW public.v AS SELECT t.id,
    t.name
   FROM public.t;
