-- undo: - row level security on t
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.t ENABLE ROW LEVEL SECURITY;
