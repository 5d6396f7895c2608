-- undo: + partition events_2024 of events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.events DETACH PARTITION public.events_2024;

-- undo: ~ column events_2024.id: set not null
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.events_2024 ALTER COLUMN id DROP NOT NULL;

-- undo: + column events_2024.payload text
-- hazard: deletes data
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.events_2024 DROP COLUMN payload;

-- undo: - column events_2024.legacy
-- note: re-creates the definition only; the data the up migration deleted is not restored
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.events_2024 ADD COLUMN legacy integer;
