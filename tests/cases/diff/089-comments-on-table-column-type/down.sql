-- undo: ~ comment on table t
COMMENT ON TABLE public.t IS 'old';

-- undo: ~ comment on column t.m
COMMENT ON COLUMN public.t.m IS NULL;

-- undo: ~ comment on column t.id
COMMENT ON COLUMN public.t.id IS 'the id';

-- undo: ~ comment on enum mood
COMMENT ON TYPE public.mood IS NULL;
