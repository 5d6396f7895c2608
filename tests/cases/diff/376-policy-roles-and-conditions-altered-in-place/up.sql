-- - policy readers on docs
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
DROP POLICY readers ON public.docs;

-- - policy everyone on docs
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
DROP POLICY everyone ON public.docs;

-- + policy everyone on docs
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
CREATE POLICY everyone ON public.docs AS PERMISSIVE FOR ALL TO PUBLIC USING (true) WITH CHECK ((tenant > 0));

-- + policy readers on docs
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
CREATE POLICY readers ON public.docs AS PERMISSIVE FOR UPDATE TO strata_golden_reader USING ((owner IS NOT NULL));

-- ~ policy "tenant only" on docs (replaced in place)
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER POLICY "tenant only" ON public.docs TO strata_golden_reader;
ALTER POLICY "tenant only" ON public.docs USING ((tenant = 2));
ALTER POLICY "tenant only" ON public.docs WITH CHECK ((tenant = 2));
