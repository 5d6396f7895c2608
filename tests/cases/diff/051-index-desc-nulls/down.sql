-- undo: + index ev_at_idx on ev
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
DROP INDEX public.ev_at_idx;
