-- - column events_2024.legacy
-- hazard: deletes data
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.events_2024 DROP COLUMN legacy;

-- + column events_2024.payload text
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.events_2024 ADD COLUMN payload text;

-- ~ column events_2024.id: set not null
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
-- hazard: can fail on existing rows
-- lock: ACCESS EXCLUSIVE, held while every row is read
ALTER TABLE public.events_2024 ALTER COLUMN id SET NOT NULL;

-- + partition events_2024 of events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
-- hazard: can fail on existing rows
-- lock: ACCESS EXCLUSIVE, held while every row is read
ALTER TABLE public.events ATTACH PARTITION public.events_2024 FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
