-- undo: - unique m_us_note_region_key on m_us
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
-- hazard: can fail on existing rows
-- lock: ACCESS EXCLUSIVE, held while every row is read
ALTER TABLE public.m_us ADD CONSTRAINT m_us_note_region_key UNIQUE (note, region);

-- undo: - index m_us_r_idx on m_us
-- hazard: blocks writes to the table while it runs
-- lock: SHARE, held while every row is read
CREATE INDEX m_us_r_idx ON public.m_us (r);

-- undo: - index m_us_lower_idx on m_us
-- hazard: blocks writes to the table while it runs
-- lock: SHARE, held while every row is read
CREATE INDEX m_us_lower_idx ON public.m_us ((lower(note)));

-- undo: - foreign key m_r_fkey on m_us
-- hazard: blocks writes to the table while it runs
-- hazard: can fail on existing rows
-- lock: SHARE ROW EXCLUSIVE, held while every row is read
ALTER TABLE public.m_us ADD CONSTRAINT m_r_fkey FOREIGN KEY (r) REFERENCES public.ref (id);

-- undo: - partition m_us of m
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
-- hazard: can fail on existing rows
-- lock: ACCESS EXCLUSIVE, held while every row is read
ALTER TABLE public.m ATTACH PARTITION public.m_us FOR VALUES IN ('us');
