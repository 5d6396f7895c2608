-- undo: ~ column t.v: numeric(10,2) -> numeric(8,2)
-- note: re-creates the definition only; the data the up migration deleted is not restored
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.t ALTER COLUMN v TYPE numeric(10,2);
