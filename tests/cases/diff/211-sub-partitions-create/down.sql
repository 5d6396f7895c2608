-- undo: + index m_at_idx on m
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
DROP INDEX public.m_at_idx;

-- undo: + table m_eu_other
-- hazard: deletes data
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
DROP TABLE public.m_eu_other;

-- undo: + table a_eu_2024
-- hazard: deletes data
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
DROP TABLE public.a_eu_2024;

-- undo: + table m_other
-- hazard: deletes data
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
DROP TABLE public.m_other;

-- undo: + table m_eu
-- hazard: deletes data
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
DROP TABLE public.m_eu;
