-- undo: + primary key t_pkey on t (id, "select")
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.t DROP CONSTRAINT t_pkey;

-- undo: ~ column t."select": set not null
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.t ALTER COLUMN "select" DROP NOT NULL;

-- undo: - primary key t_pkey on t
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
-- hazard: can fail on existing rows
-- lock: ACCESS EXCLUSIVE, held while every row is read
ALTER TABLE public.t ADD CONSTRAINT t_pkey PRIMARY KEY (id);

-- undo: - foreign key child_b_fkey on child
-- hazard: blocks writes to the table while it runs
-- hazard: can fail on existing rows
-- lock: SHARE ROW EXCLUSIVE, held while every row is read
ALTER TABLE public.child ADD CONSTRAINT child_b_fkey FOREIGN KEY (b) REFERENCES public.t (id) ON DELETE SET NULL;
