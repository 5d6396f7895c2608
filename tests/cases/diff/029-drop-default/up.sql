-- ~ column t.v: default now() -> none
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.t ALTER COLUMN v DROP DEFAULT;
