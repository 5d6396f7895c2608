-- - partition events_2024 of events
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.events DETACH PARTITION public.events_2024;
