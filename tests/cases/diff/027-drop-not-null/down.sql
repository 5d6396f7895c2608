-- undo: ~ column t.v: drop not null
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
-- hazard: can fail on existing rows
-- lock: ACCESS EXCLUSIVE, held while every row is read
ALTER TABLE public.t ALTER COLUMN v SET NOT NULL;
