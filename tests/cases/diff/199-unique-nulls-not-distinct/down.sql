-- undo: + index t_b_idx on t
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
DROP INDEX public.t_b_idx;

-- undo: + unique t_a_key on t (a)
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.t DROP CONSTRAINT t_a_key;

-- undo: - unique t_a_key on t
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
-- hazard: can fail on existing rows
-- lock: ACCESS EXCLUSIVE, held while every row is read
ALTER TABLE public.t ADD CONSTRAINT t_a_key UNIQUE (a);
