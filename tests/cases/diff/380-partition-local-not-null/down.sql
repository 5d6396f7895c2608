-- undo: + partition m_old of m FOR VALUES IN ('old')
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.m DETACH PARTITION public.m_old;

-- undo: ~ column m_eu.note: set not null
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.m_eu ALTER COLUMN note DROP NOT NULL;

-- undo: ~ column m_eu.code: set not null
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.m_eu ALTER COLUMN code DROP NOT NULL;

-- undo: ~ column m_us.note: drop not null
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
-- hazard: can fail on existing rows
-- lock: ACCESS EXCLUSIVE, held while every row is read
ALTER TABLE public.m_us ALTER COLUMN note SET NOT NULL;

-- undo: ~ column m_old.code: drop not null
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
-- hazard: can fail on existing rows
-- lock: ACCESS EXCLUSIVE, held while every row is read
ALTER TABLE public.m_old ALTER COLUMN code SET NOT NULL;

-- undo: ~ column m.code: drop not null
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
-- hazard: can fail on existing rows
-- lock: ACCESS EXCLUSIVE, held while every row is read
ALTER TABLE public.m ALTER COLUMN code SET NOT NULL;

-- undo: + table m_asia
-- hazard: deletes data
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
DROP TABLE public.m_asia;
