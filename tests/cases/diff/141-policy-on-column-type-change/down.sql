-- undo: + policy p on t
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
DROP POLICY p ON public.t;

-- undo: ~ column t.amount: integer -> bigint
-- hazard: deletes data
-- hazard: rewrites the table
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
-- hazard: can fail on existing rows
-- lock: ACCESS EXCLUSIVE, held while the table is rewritten
ALTER TABLE public.t ALTER COLUMN amount TYPE integer;

-- undo: - policy p on t
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
CREATE POLICY p ON public.t AS PERMISSIVE FOR ALL TO PUBLIC USING ((amount > 0));
