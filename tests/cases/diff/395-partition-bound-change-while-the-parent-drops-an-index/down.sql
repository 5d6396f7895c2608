-- undo: + partition c of p FOR VALUES IN (1, 2)
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.p DETACH PARTITION public.c;

-- undo: - index p_note_idx on p
-- hazard: blocks writes to the table while it runs
-- lock: SHARE, held while every row is read
CREATE INDEX p_note_idx ON public.p (note);

-- undo: - index c_note_idx on c
-- hazard: blocks writes to the table while it runs
-- lock: SHARE, held while every row is read
CREATE INDEX c_note_idx ON public.c (note);

-- undo: - partition c of p
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
-- hazard: can fail on existing rows
-- lock: ACCESS EXCLUSIVE, held while every row is read
ALTER TABLE public.p ATTACH PARTITION public.c FOR VALUES IN (1);
