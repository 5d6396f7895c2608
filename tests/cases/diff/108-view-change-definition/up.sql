-- ~ view v (replaced in place)
CREATE OR REPLACE VIEW public.v AS SELECT t.id,
    upper(t.name) AS name
   FROM public.t;
