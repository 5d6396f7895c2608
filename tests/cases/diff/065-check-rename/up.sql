-- ~ rename constraint old_check -> new_check on t
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.t RENAME CONSTRAINT old_check TO new_check;
