-- undo: ~ comment on constraint t_a_check on t
COMMENT ON CONSTRAINT t_a_check ON public.t IS NULL;

-- undo: ~ comment on index t_a_idx on t
COMMENT ON INDEX public.t_a_idx IS 'old';

-- undo: ~ comment on constraint t_pkey on t
COMMENT ON CONSTRAINT t_pkey ON public.t IS NULL;
