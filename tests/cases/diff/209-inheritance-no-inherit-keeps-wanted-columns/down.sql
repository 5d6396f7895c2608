-- undo: - column child.note
-- note: re-creates the definition only; the data the up migration deleted is not restored
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.child ADD COLUMN note text;

-- undo: - check base_id_check on child
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
-- hazard: can fail on existing rows
-- lock: ACCESS EXCLUSIVE, held while every row is read
ALTER TABLE public.child ADD CONSTRAINT base_id_check CHECK (id > 0);

-- undo: - child inherits base
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.child INHERIT public.base;
