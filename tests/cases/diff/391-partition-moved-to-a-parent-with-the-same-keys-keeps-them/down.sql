-- undo: + partition c of p2 FOR VALUES IN (1)
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.p2 DETACH PARTITION public.c;
DROP INDEX public.c_note_idx;

-- undo: + foreign key p2_id_fkey on p2 -> ref
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.p2 DROP CONSTRAINT p2_id_fkey;

-- undo: + table p2
-- hazard: deletes data
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
DROP TABLE public.p2;

-- undo: - unique c_k_note_key on c
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
-- hazard: can fail on existing rows
-- lock: ACCESS EXCLUSIVE, held while every row is read
ALTER TABLE public.c ADD CONSTRAINT c_k_note_key UNIQUE (k, note);

-- undo: - index c_id_idx on c
-- hazard: blocks writes to the table while it runs
-- lock: SHARE, held while every row is read
CREATE INDEX c_id_idx ON public.c (id);

-- undo: - partition c of p
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
-- hazard: can fail on existing rows
-- lock: ACCESS EXCLUSIVE, held while every row is read
ALTER TABLE public.p ATTACH PARTITION public.c FOR VALUES IN (1);
