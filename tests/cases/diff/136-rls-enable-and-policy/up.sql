-- + row level security on t
ALTER TABLE public.t ENABLE ROW LEVEL SECURITY;

-- + policy own_rows on t
CREATE POLICY own_rows ON public.t AS PERMISSIVE FOR SELECT TO PUBLIC USING ((name = CURRENT_USER));
