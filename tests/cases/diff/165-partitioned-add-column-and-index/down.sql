-- undo: + index events_source on events
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
DROP INDEX public.events_source;

-- undo: + column events.source text
-- hazard: deletes data
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.events DROP COLUMN source;
