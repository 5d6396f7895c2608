-- undo: + statistics visit_ab
DROP STATISTICS public.visit_ab;

-- undo: ~ column visit.a: integer -> bigint
-- hazard: deletes data
-- hazard: rewrites the table
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
-- hazard: can fail on existing rows
-- lock: ACCESS EXCLUSIVE, held while the table is rewritten
ALTER TABLE public.visit ALTER COLUMN a TYPE integer;

-- undo: - statistics visit_ab
CREATE STATISTICS public.visit_ab ON a, b FROM public.visit;
