-- - index q2_b_local on q2
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
DROP INDEX public.q2_b_local;

-- + index q_b_idx on q
-- hazard: blocks writes to the table while it runs
-- lock: SHARE, held while every row is read
CREATE INDEX q_b_idx ON public.q (b);

-- + index q2_b_local on q2
-- hazard: blocks writes to the table while it runs
-- lock: SHARE, held while every row is read
CREATE INDEX q2_b_local ON public.q2 (b);

-- + partition p1 of p FOR VALUES IN (1)
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
-- hazard: can fail on existing rows
-- lock: ACCESS EXCLUSIVE, held while every row is read
ALTER TABLE public.p ATTACH PARTITION public.p1 FOR VALUES IN (1);

-- ~ rename index p1_local -> p1_a_idx on p1
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER INDEX public.p1_local RENAME TO p1_a_idx;

-- + index p1_local on p1
-- hazard: blocks writes to the table while it runs
-- lock: SHARE, held while every row is read
CREATE INDEX p1_local ON public.p1 (a);
