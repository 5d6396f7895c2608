-- note: foreign key child_b_fkey of child is dropped although the table's drop is withheld: the key it references (public.t(id)) changes

-- - foreign key child_b_fkey on child
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.child DROP CONSTRAINT child_b_fkey;

-- - primary key t_pkey on t
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.t DROP CONSTRAINT t_pkey;

-- ~ column t."select": set not null
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
-- hazard: can fail on existing rows
-- lock: ACCESS EXCLUSIVE, held while every row is read
ALTER TABLE public.t ALTER COLUMN "select" SET NOT NULL;

-- + primary key t_pkey on t (id, "select")
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
-- hazard: can fail on existing rows
-- lock: ACCESS EXCLUSIVE, held while every row is read
ALTER TABLE public.t ADD CONSTRAINT t_pkey PRIMARY KEY (id, "select");

-- withheld: - table child
--   deletes data: drops table child and all its rows
--   not run: include it by allowing drops (PlanOptions::allow_drops)
--   DROP TABLE public.child;
