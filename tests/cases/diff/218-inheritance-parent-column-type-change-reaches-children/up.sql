-- ~ column a_parent.id: integer -> bigint
-- hazard: rewrites the table
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
-- lock: ACCESS EXCLUSIVE, held while the table is rewritten
ALTER TABLE public.a_parent
  ALTER COLUMN id TYPE bigint,
  ALTER COLUMN id SET DEFAULT 0;

-- ~ column a_parent.x: integer -> bigint
-- hazard: rewrites the table
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
-- lock: ACCESS EXCLUSIVE, held while the table is rewritten
ALTER TABLE public.a_parent ALTER COLUMN x TYPE bigint;

-- ~ column a_parent.y: text -> character varying(10)
-- hazard: deletes data
-- hazard: rewrites the table
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
-- hazard: can fail on existing rows
-- lock: ACCESS EXCLUSIVE, held while the table is rewritten
ALTER TABLE public.a_parent ALTER COLUMN y TYPE character varying(10);

-- ~ column a_parent.id: set not null
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
-- hazard: can fail on existing rows
-- lock: ACCESS EXCLUSIVE, held while every row is read
ALTER TABLE public.a_parent ALTER COLUMN id SET NOT NULL;
