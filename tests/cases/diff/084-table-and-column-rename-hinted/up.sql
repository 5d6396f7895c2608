-- ~ rename table a -> b
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.a RENAME TO b;

-- ~ rename column b.x -> id
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.b RENAME COLUMN x TO id;
