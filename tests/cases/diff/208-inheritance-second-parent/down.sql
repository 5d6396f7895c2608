-- undo: + child inherits p2
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.child NO INHERIT public.p2;

-- undo: + check p2_b_check on child
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.child DROP CONSTRAINT p2_b_check;

-- undo: + column child.c text
-- hazard: deletes data
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.child DROP COLUMN c;
