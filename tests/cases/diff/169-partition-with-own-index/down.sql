-- undo: + index events_2024_payload on events_2024
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
DROP INDEX public.events_2024_payload;
