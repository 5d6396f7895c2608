-- undo: ~ column t.id: identity none -> by default
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.t ALTER COLUMN id DROP IDENTITY;

-- undo: ~ column t.id: default 0 -> none
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.t ALTER COLUMN id SET DEFAULT 0;
