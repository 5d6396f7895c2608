-- undo: ~ column a_parent.id: set not null
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.a_parent ALTER COLUMN id DROP NOT NULL;

-- undo: ~ column a_parent.y: text -> character varying(10)
-- note: re-creates the definition only; the data the up migration deleted is not restored
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.a_parent ALTER COLUMN y TYPE text;

-- undo: ~ column a_parent.x: integer -> bigint
-- hazard: deletes data
-- hazard: rewrites the table
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
-- hazard: can fail on existing rows
-- lock: ACCESS EXCLUSIVE, held while the table is rewritten
ALTER TABLE public.a_parent ALTER COLUMN x TYPE integer;

-- undo: ~ column a_parent.id: integer -> bigint
-- hazard: deletes data
-- hazard: rewrites the table
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
-- hazard: can fail on existing rows
-- lock: ACCESS EXCLUSIVE, held while the table is rewritten
ALTER TABLE public.a_parent
  ALTER COLUMN id DROP DEFAULT,
  ALTER COLUMN id TYPE integer;
