-- undo: + index t_a_brin on t
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
DROP INDEX public.t_a_brin;

-- undo: + index t_a_idx on t
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
DROP INDEX public.t_a_idx;

-- undo: - index t_a_idx on t
-- hazard: blocks writes to the table while it runs
-- lock: SHARE, held while every row is read
CREATE INDEX t_a_idx ON public.t (a);
