-- ~ column t.n: default none -> 0
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.t ALTER COLUMN n SET DEFAULT 0;

-- ~ column t.n: drop not null
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.t ALTER COLUMN n DROP NOT NULL;
