-- - partition "Arch"."M us" of m
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.m DETACH PARTITION "Arch"."M us";

-- - partition m_eu of m
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.m DETACH PARTITION public.m_eu;

-- + table m_eu_2025
CREATE TABLE public.m_eu_2025 PARTITION OF public.m_eu FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');

-- + column "Arch"."M us".note text
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE "Arch"."M us" ADD COLUMN note text;

-- + column "Arch"."M us".kept boolean
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE "Arch"."M us" ADD COLUMN kept boolean;

-- + column m.note text
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.m ADD COLUMN note text;

-- + column m_eu.note text
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.m_eu ADD COLUMN note text;

-- + index m_note on m
-- hazard: blocks writes to the table while it runs
-- lock: SHARE, held while every row is read
CREATE INDEX m_note ON public.m (note);

-- + partition m_eu of m FOR VALUES IN ('eu', 'uk')
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
-- hazard: can fail on existing rows
-- lock: ACCESS EXCLUSIVE, held while every row is read
ALTER TABLE public.m ATTACH PARTITION public.m_eu FOR VALUES IN ('eu', 'uk');
