-- - child inherits base
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.child NO INHERIT public.base;

-- - check base_id_check on child
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.child DROP CONSTRAINT base_id_check;

-- - column child.note
-- hazard: deletes data
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.child DROP COLUMN note;
