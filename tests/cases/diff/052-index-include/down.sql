-- undo: + index ev_id_idx on ev
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
DROP INDEX public.ev_id_idx;
