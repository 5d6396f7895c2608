-- - partition c of p
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.p DETACH PARTITION public.c;

-- - index c_note_idx on c
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
DROP INDEX public.c_note_idx;

-- - index p_note_idx on p
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
DROP INDEX public.p_note_idx;

-- + partition c of p FOR VALUES IN (1, 2)
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
-- hazard: can fail on existing rows
-- lock: ACCESS EXCLUSIVE, held while every row is read
ALTER TABLE public.p ATTACH PARTITION public.c FOR VALUES IN (1, 2);
