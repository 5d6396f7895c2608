-- - grant to strata_golden_reader (a) ON TABLE public.t
REVOKE UPDATE (a) ON TABLE public.t FROM strata_golden_reader;

-- - column t.a
-- hazard: deletes data
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.t DROP COLUMN a;
