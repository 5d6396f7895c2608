-- undo: ~ policy "tenant only" on docs (replaced in place)
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER POLICY "tenant only" ON public.docs TO PUBLIC;
ALTER POLICY "tenant only" ON public.docs USING ((tenant = 1));
ALTER POLICY "tenant only" ON public.docs WITH CHECK ((tenant = 1));

-- undo: + policy readers on docs
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
DROP POLICY readers ON public.docs;

-- undo: + policy everyone on docs
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
DROP POLICY everyone ON public.docs;

-- undo: - policy everyone on docs
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
CREATE POLICY everyone ON public.docs AS PERMISSIVE FOR ALL TO PUBLIC USING (true);

-- undo: - policy readers on docs
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
CREATE POLICY readers ON public.docs AS PERMISSIVE FOR SELECT TO strata_golden_reader USING ((owner IS NOT NULL));
