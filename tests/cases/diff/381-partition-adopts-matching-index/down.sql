-- undo: + index p1_local on p1
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
DROP INDEX public.p1_local;

-- undo: ~ rename index p1_local -> p1_a_idx on p1
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER INDEX public.p1_a_idx RENAME TO p1_local;

-- undo: + partition p1 of p FOR VALUES IN (1)
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.p DETACH PARTITION public.p1;

-- undo: + index q2_b_local on q2
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
DROP INDEX public.q2_b_local;

-- undo: + index q_b_idx on q
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
DROP INDEX public.q_b_idx;

-- undo: - index q2_b_local on q2
-- hazard: blocks writes to the table while it runs
-- lock: SHARE, held while every row is read
CREATE INDEX q2_b_local ON public.q2 (b);
