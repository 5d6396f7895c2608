-- + index ev_id_idx on ev
-- hazard: blocks writes to the table while it runs
-- hazard: can fail on existing rows
-- lock: SHARE, held while every row is read
CREATE UNIQUE INDEX ev_id_idx ON public.ev (id) INCLUDE (kind, at);
