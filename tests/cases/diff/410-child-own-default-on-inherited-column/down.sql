-- undo: ~ column events_2025.at: default none -> '2025-01-01'::date
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.events_2025 ALTER COLUMN at DROP DEFAULT;

-- undo: ~ column events_2024.source: default 'web'::text -> 'import'::text
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.events_2024 ALTER COLUMN source SET DEFAULT 'web'::text;

-- undo: ~ column child.n: default 2 -> 5
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.child ALTER COLUMN n SET DEFAULT 2;

-- undo: ~ column child.kind: default 'b'::text -> none
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.child ALTER COLUMN kind SET DEFAULT 'b'::text;

-- undo: ~ column child.id: default none -> 0
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.child ALTER COLUMN id DROP DEFAULT;

-- undo: ~ column parent.n: default 1 -> 2
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.parent ALTER COLUMN n SET DEFAULT 1;

-- undo: ~ column parent.kind: default 'a'::text -> 'b'::text
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.parent ALTER COLUMN kind SET DEFAULT 'a'::text;

-- undo: ~ column child.n: default 5 -> 5
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.child ALTER COLUMN n SET DEFAULT 5;

-- undo: + table events_2025
-- hazard: deletes data
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
DROP TABLE public.events_2025;
