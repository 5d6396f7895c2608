-- - partition m_us of m
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.m DETACH PARTITION public.m_us;

-- - foreign key m_r_fkey on m_us
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.m_us DROP CONSTRAINT m_r_fkey;

-- - index m_us_lower_idx on m_us
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
DROP INDEX public.m_us_lower_idx;

-- - index m_us_r_idx on m_us
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
DROP INDEX public.m_us_r_idx;

-- - unique m_us_note_region_key on m_us
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.m_us DROP CONSTRAINT m_us_note_region_key;
