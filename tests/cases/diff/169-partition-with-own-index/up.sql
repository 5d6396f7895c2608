-- + index events_2024_payload on events_2024
-- hazard: blocks writes to the table while it runs
-- lock: SHARE, held while every row is read
CREATE INDEX events_2024_payload ON public.events_2024 (payload);
