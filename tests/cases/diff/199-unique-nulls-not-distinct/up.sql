-- - unique t_a_key on t
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.t DROP CONSTRAINT t_a_key;

-- + unique t_a_key on t (a)
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
-- hazard: can fail on existing rows
-- lock: ACCESS EXCLUSIVE, held while every row is read
ALTER TABLE public.t ADD CONSTRAINT t_a_key UNIQUE NULLS NOT DISTINCT (a);

-- + index t_b_idx on t
-- hazard: blocks writes to the table while it runs
-- hazard: can fail on existing rows
-- lock: SHARE, held while every row is read
CREATE UNIQUE INDEX t_b_idx ON public.t (b) NULLS NOT DISTINCT;
