-- undo: ~ column t.v: default none -> 'en'::text
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.t ALTER COLUMN v DROP DEFAULT;
