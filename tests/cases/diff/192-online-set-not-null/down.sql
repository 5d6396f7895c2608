-- undo: ~ column t.n: set not null
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.t ALTER COLUMN n DROP NOT NULL;
