-- undo: - check t_v_check on t
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
-- hazard: can fail on existing rows
-- lock: ACCESS EXCLUSIVE, held while every row is read
ALTER TABLE public.t ADD CONSTRAINT t_v_check CHECK (v > 0);
