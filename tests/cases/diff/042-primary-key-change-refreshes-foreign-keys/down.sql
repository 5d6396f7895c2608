-- undo: + foreign key c_pa_fkey on c -> p
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.c DROP CONSTRAINT c_pa_fkey;

-- undo: + unique p_a_key on p (a)
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.p DROP CONSTRAINT p_a_key;

-- undo: + primary key p_pkey on p (a, b)
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.p DROP CONSTRAINT p_pkey;

-- undo: ~ column p.b: set not null
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.p ALTER COLUMN b DROP NOT NULL;

-- undo: - primary key p_pkey on p
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
-- hazard: can fail on existing rows
-- lock: ACCESS EXCLUSIVE, held while every row is read
ALTER TABLE public.p ADD CONSTRAINT p_pkey PRIMARY KEY (a);

-- undo: - foreign key c_pa_fkey on c
-- hazard: blocks writes to the table while it runs
-- hazard: can fail on existing rows
-- lock: SHARE ROW EXCLUSIVE, held while every row is read
ALTER TABLE public.c ADD CONSTRAINT c_pa_fkey FOREIGN KEY (pa) REFERENCES public.p (a);
