-- + table m_asia
CREATE TABLE public.m_asia PARTITION OF public.m (
    note NOT NULL
) FOR VALUES IN ('asia');

-- ~ column m.code: drop not null
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.m ALTER COLUMN code DROP NOT NULL;

-- ~ column m_old.code: drop not null
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.m_old ALTER COLUMN code DROP NOT NULL;

-- ~ column m_us.note: drop not null
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.m_us ALTER COLUMN note DROP NOT NULL;

-- ~ column m_eu.code: set not null
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
-- hazard: can fail on existing rows
-- lock: ACCESS EXCLUSIVE, held while every row is read
ALTER TABLE public.m_eu ALTER COLUMN code SET NOT NULL;

-- ~ column m_eu.note: set not null
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
-- hazard: can fail on existing rows
-- lock: ACCESS EXCLUSIVE, held while every row is read
ALTER TABLE public.m_eu ALTER COLUMN note SET NOT NULL;

-- + partition m_old of m FOR VALUES IN ('old')
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
-- hazard: can fail on existing rows
-- lock: ACCESS EXCLUSIVE, held while every row is read
ALTER TABLE public.m ATTACH PARTITION public.m_old FOR VALUES IN ('old');
