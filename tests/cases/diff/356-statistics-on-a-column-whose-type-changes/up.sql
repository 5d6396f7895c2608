-- - statistics visit_ab
DROP STATISTICS public.visit_ab;

-- ~ column visit.a: integer -> bigint
-- hazard: rewrites the table
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
-- lock: ACCESS EXCLUSIVE, held while the table is rewritten
ALTER TABLE public.visit ALTER COLUMN a TYPE bigint;

-- + statistics visit_ab
CREATE STATISTICS public.visit_ab ON a, b FROM public.visit;
