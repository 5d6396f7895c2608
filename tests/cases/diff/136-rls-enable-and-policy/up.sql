-- + row level security on t
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.t ENABLE ROW LEVEL SECURITY;

-- + policy own_rows on t
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
CREATE POLICY own_rows ON public.t AS PERMISSIVE FOR SELECT TO PUBLIC USING ((name = CURRENT_USER));
