-- + exclusion constraint r_excl on r
ALTER TABLE public.r ADD CONSTRAINT r_excl EXCLUDE USING gist (c WITH &&) WHERE (active);
