-- undo: + partition m_us of m FOR VALUES IN ('us')
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.m DETACH PARTITION public.m_us;
ALTER TABLE public.m_us DROP CONSTRAINT m_r_fkey;
ALTER TABLE public.m_us DROP CONSTRAINT m_us_note_region_key;
ALTER TABLE public.m_us DROP CONSTRAINT m_us_pkey;
DROP INDEX public.m_us_lower_idx;
