-- undo: ~ column t.v: bigint -> integer
-- note: re-creates the definition only; the data the up migration deleted is not restored
-- hazard: rewrites the table
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
-- lock: ACCESS EXCLUSIVE, held while the table is rewritten
ALTER TABLE public.t ALTER COLUMN v TYPE bigint;
