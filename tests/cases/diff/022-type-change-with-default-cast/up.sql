-- ~ column t.v: text -> integer
-- hazard: rewrites the table
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
-- hazard: can fail on existing rows
-- lock: ACCESS EXCLUSIVE, held while the table is rewritten
ALTER TABLE public.t
  ALTER COLUMN v DROP DEFAULT,
  ALTER COLUMN v TYPE integer USING v::integer,
  ALTER COLUMN v SET DEFAULT 0;
