-- - unique t_a_key on t
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.t DROP CONSTRAINT t_a_key;
