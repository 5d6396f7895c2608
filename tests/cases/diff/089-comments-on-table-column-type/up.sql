-- ~ comment on enum mood
COMMENT ON TYPE public.mood IS 'moods';

-- ~ comment on column t.id
COMMENT ON COLUMN public.t.id IS NULL;

-- ~ comment on column t.m
COMMENT ON COLUMN public.t.m IS 'how it feels';

-- ~ comment on table t
COMMENT ON TABLE public.t IS 'it''s new';
