-- undo: ~ column t.v: uuid -> text
-- hazard: rewrites the table
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
-- hazard: can fail on existing rows
-- lock: ACCESS EXCLUSIVE, held while the table is rewritten
ALTER TABLE public.t
  ALTER COLUMN v DROP DEFAULT,
  ALTER COLUMN v TYPE uuid USING v::uuid,
  ALTER COLUMN v SET DEFAULT '00000000-0000-0000-0000-000000000000'::uuid;
