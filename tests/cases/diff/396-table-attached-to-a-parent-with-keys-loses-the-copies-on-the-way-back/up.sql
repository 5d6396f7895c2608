-- + partition m_us of m FOR VALUES IN ('us')
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
-- hazard: can fail on existing rows
-- lock: ACCESS EXCLUSIVE, held while every row is read
ALTER TABLE public.m ATTACH PARTITION public.m_us FOR VALUES IN ('us');
