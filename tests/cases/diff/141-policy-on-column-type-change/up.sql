-- - policy p on t
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
DROP POLICY p ON public.t;

-- ~ column t.amount: integer -> bigint
-- hazard: rewrites the table
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
-- lock: ACCESS EXCLUSIVE, held while the table is rewritten
ALTER TABLE public.t ALTER COLUMN amount TYPE bigint;

-- + policy p on t
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
CREATE POLICY p ON public.t AS PERMISSIVE FOR ALL TO PUBLIC USING ((amount > 0));
