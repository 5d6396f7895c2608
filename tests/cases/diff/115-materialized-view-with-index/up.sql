-- + materialized view mv
CREATE MATERIALIZED VIEW public.mv AS SELECT t.id,
    t.name
   FROM public.t WITH NO DATA;
CREATE UNIQUE INDEX mv_id ON public.mv USING btree (id);
