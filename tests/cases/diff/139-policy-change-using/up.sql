-- - policy p on t
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
DROP POLICY p ON public.t;

-- + policy p on t
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
CREATE POLICY p ON public.t AS PERMISSIVE FOR ALL TO PUBLIC USING ((id > 10)) WITH CHECK ((amount IS NOT NULL));
