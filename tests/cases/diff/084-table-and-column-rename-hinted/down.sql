-- undo: ~ rename column b.x -> id
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.b RENAME COLUMN id TO x;

-- undo: ~ rename table a -> b
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.b RENAME TO a;
