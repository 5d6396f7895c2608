-- undo: ~ rename constraint old_check -> new_check on t
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.t RENAME CONSTRAINT new_check TO old_check;
