-- + column child.id integer not null
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
-- hazard: can fail on existing rows
ALTER TABLE public.child ADD COLUMN id integer NOT NULL;

-- + column child.note text
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.child ADD COLUMN note text DEFAULT 'none'::text;

-- + check base_id_check on child
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
-- hazard: can fail on existing rows
-- lock: ACCESS EXCLUSIVE, held while every row is read
ALTER TABLE public.child ADD CONSTRAINT base_id_check CHECK (id > 0);

-- + child inherits base
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.child INHERIT public.base;
