-- ~ column t.v: drop not null
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.t ALTER COLUMN v DROP NOT NULL;
