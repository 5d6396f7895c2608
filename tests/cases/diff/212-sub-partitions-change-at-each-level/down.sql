-- undo: + partition m_eu of m FOR VALUES IN ('eu', 'uk')
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.m DETACH PARTITION public.m_eu;
DROP INDEX public.m_eu_note_idx;

-- undo: + index m_note on m
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
DROP INDEX public.m_note;

-- undo: + column m_eu.note text
-- hazard: deletes data
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.m_eu DROP COLUMN note;

-- undo: + column m.note text
-- hazard: deletes data
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.m DROP COLUMN note;

-- undo: + column "Arch"."M us".kept boolean
-- hazard: deletes data
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE "Arch"."M us" DROP COLUMN kept;

-- undo: + column "Arch"."M us".note text
-- hazard: deletes data
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE "Arch"."M us" DROP COLUMN note;

-- undo: + table m_eu_2025
-- hazard: deletes data
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
DROP TABLE public.m_eu_2025;

-- undo: - partition m_eu of m
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
-- hazard: can fail on existing rows
-- lock: ACCESS EXCLUSIVE, held while every row is read
ALTER TABLE public.m ATTACH PARTITION public.m_eu FOR VALUES IN ('eu');

-- undo: - partition "Arch"."M us" of m
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
-- hazard: can fail on existing rows
-- lock: ACCESS EXCLUSIVE, held while every row is read
ALTER TABLE public.m ATTACH PARTITION "Arch"."M us" FOR VALUES IN ('us');
