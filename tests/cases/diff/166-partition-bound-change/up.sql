-- - partition events_2024 of events
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.events DETACH PARTITION public.events_2024;

-- + partition events_2024 of events FOR VALUES FROM ('2024-01-01') TO ('2024-07-01')
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
-- hazard: can fail on existing rows
-- lock: ACCESS EXCLUSIVE, held while every row is read
ALTER TABLE public.events ATTACH PARTITION public.events_2024 FOR VALUES FROM ('2024-01-01') TO ('2024-07-01');
