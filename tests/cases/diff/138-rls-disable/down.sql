-- undo: - row level security on t
ALTER TABLE public.t ENABLE ROW LEVEL SECURITY;
