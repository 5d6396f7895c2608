-- undo: - column t.a
-- note: re-creates the definition only; the data the up migration deleted is not restored
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.t ADD COLUMN a interval;

-- undo: - grant to strata_golden_reader (a) ON TABLE public.t
GRANT UPDATE (a) ON TABLE public.t TO strata_golden_reader;
