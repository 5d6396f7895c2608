-- ~ column t.id: identity by default -> none
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.t ALTER COLUMN id DROP IDENTITY;
