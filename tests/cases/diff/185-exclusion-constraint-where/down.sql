-- undo: + exclusion constraint r_excl on r
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.r DROP CONSTRAINT r_excl;
