-- undo: ~ grant to strata_golden_reader ON TABLE public.audit (replaced in place)
GRANT INSERT ON TABLE public.audit TO strata_golden_reader;

-- undo: + table audit
-- hazard: deletes data
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
DROP TABLE public.audit;
