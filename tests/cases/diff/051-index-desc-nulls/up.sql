-- + index ev_at_idx on ev
-- hazard: blocks writes to the table while it runs
-- lock: SHARE, held while every row is read
CREATE INDEX ev_at_idx ON public.ev (at DESC NULLS LAST, kind NULLS FIRST);
