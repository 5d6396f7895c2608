-- + table events_2025
CREATE TABLE public.events_2025 PARTITION OF public.events FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');

-- ~ column child.n: default 5 -> 5
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.child ALTER COLUMN n SET DEFAULT 5;

-- ~ column parent.kind: default 'a'::text -> 'b'::text
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.parent ALTER COLUMN kind SET DEFAULT 'b'::text;

-- ~ column parent.n: default 1 -> 2
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.parent ALTER COLUMN n SET DEFAULT 2;

-- ~ column child.id: default none -> 0
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.child ALTER COLUMN id SET DEFAULT 0;

-- ~ column child.kind: default 'b'::text -> none
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.child ALTER COLUMN kind DROP DEFAULT;

-- ~ column child.n: default 2 -> 5
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.child ALTER COLUMN n SET DEFAULT 5;

-- ~ column events_2024.source: default 'web'::text -> 'import'::text
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.events_2024 ALTER COLUMN source SET DEFAULT 'import'::text;

-- ~ column events_2025.at: default none -> '2025-01-01'::date
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.events_2025 ALTER COLUMN at SET DEFAULT '2025-01-01'::date;
