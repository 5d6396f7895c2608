-- + column events.source text
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.events ADD COLUMN source text;

-- + index events_source on events
-- hazard: blocks writes to the table while it runs
-- lock: SHARE, held while every row is read
CREATE INDEX events_source ON public.events (source);
