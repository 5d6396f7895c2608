-- ~ column t.v: numeric(8,2) -> numeric(10,2)
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.t ALTER COLUMN v TYPE numeric(10,2);
