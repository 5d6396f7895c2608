-- undo: ~ column t.id: identity always -> by default
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.t ALTER COLUMN id SET GENERATED ALWAYS;
