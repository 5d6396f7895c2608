-- undo: + child inherits base
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.child NO INHERIT public.base;

-- undo: + check base_id_check on child
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.child DROP CONSTRAINT base_id_check;

-- undo: + column child.note text
-- hazard: deletes data
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.child DROP COLUMN note;

-- undo: + column child.id integer not null
-- hazard: deletes data
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.child DROP COLUMN id;
