-- undo: ~ column t.id: identity none -> always
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.t ALTER COLUMN id DROP IDENTITY;
