-- undo: + policy p on t
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
DROP POLICY p ON public.t;

-- undo: - policy p on t
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
CREATE POLICY p ON public.t AS PERMISSIVE FOR ALL TO PUBLIC USING ((id > 0));
