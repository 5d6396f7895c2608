-- undo: ~ column t.at: default '2020-01-01 00:00:00'::timestamp without time zone -> (now() AT TIME ZONE 'utc'::text)
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.t ALTER COLUMN at SET DEFAULT '2020-01-01 00:00:00'::timestamp without time zone;

-- undo: ~ column t.lang: default 'en'::text -> 'fr'::text
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.t ALTER COLUMN lang SET DEFAULT 'en'::text;

-- undo: ~ column t.doc: default '[]'::jsonb -> '{}'::jsonb
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.t ALTER COLUMN doc SET DEFAULT '[]'::jsonb;

-- undo: ~ column t.tags: default '{a}'::text[] -> '{}'::text[]
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.t ALTER COLUMN tags SET DEFAULT '{a}'::text[];
