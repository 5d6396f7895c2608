-- - row level security on t
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.t DISABLE ROW LEVEL SECURITY;
ALTER TABLE public.t NO FORCE ROW LEVEL SECURITY;

-- + row level security on t
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.t ENABLE ROW LEVEL SECURITY;
ALTER TABLE public.t FORCE ROW LEVEL SECURITY;
