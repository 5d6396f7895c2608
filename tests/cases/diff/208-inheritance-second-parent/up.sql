-- + column child.c text
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.child ADD COLUMN c text;

-- + check p2_b_check on child
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
-- hazard: can fail on existing rows
-- lock: ACCESS EXCLUSIVE, held while every row is read
ALTER TABLE public.child ADD CONSTRAINT p2_b_check CHECK (b > 0);

-- + child inherits p2
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.child INHERIT public.p2;
