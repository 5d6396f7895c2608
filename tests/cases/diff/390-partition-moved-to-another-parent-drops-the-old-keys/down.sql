-- undo: + partition d of p2 FOR VALUES IN (2)
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.p2 DETACH PARTITION public.d;

-- undo: + partition c of p2 FOR VALUES IN (1)
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.p2 DETACH PARTITION public.c;

-- undo: + primary key d_pkey on d (k, b)
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.d DROP CONSTRAINT d_pkey;

-- undo: ~ column d.b: set not null
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.d ALTER COLUMN b DROP NOT NULL;

-- undo: ~ column d.id: drop not null
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
-- hazard: can fail on existing rows
-- lock: ACCESS EXCLUSIVE, held while every row is read
ALTER TABLE public.d ALTER COLUMN id SET NOT NULL;

-- undo: ~ column c.id: drop not null
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
-- hazard: can fail on existing rows
-- lock: ACCESS EXCLUSIVE, held while every row is read
ALTER TABLE public.c ALTER COLUMN id SET NOT NULL;

-- undo: ~ column c.k: drop not null
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
-- hazard: can fail on existing rows
-- lock: ACCESS EXCLUSIVE, held while every row is read
ALTER TABLE public.c ALTER COLUMN k SET NOT NULL;

-- undo: + table p2
-- hazard: deletes data
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
DROP TABLE public.p2;

-- undo: - table p
-- note: re-creates the definition only; the data the up migration deleted is not restored
CREATE TABLE public.p (
    k integer NOT NULL,
    id integer NOT NULL,
    b integer,
    CONSTRAINT p_pkey PRIMARY KEY (k, id),
    CONSTRAINT p_k_b_key UNIQUE (k, b)
) PARTITION BY LIST (k);
CREATE INDEX p_id_idx ON public.p (id);

-- undo: - primary key d_pkey on d
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
-- hazard: can fail on existing rows
-- lock: ACCESS EXCLUSIVE, held while every row is read
ALTER TABLE public.d ADD CONSTRAINT d_pkey PRIMARY KEY (k, id);

-- undo: - primary key c_pkey on c
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
-- hazard: can fail on existing rows
-- lock: ACCESS EXCLUSIVE, held while every row is read
ALTER TABLE public.c ADD CONSTRAINT c_pkey PRIMARY KEY (k, id);

-- undo: - unique d_k_b_key on d
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
-- hazard: can fail on existing rows
-- lock: ACCESS EXCLUSIVE, held while every row is read
ALTER TABLE public.d ADD CONSTRAINT d_k_b_key UNIQUE (k, b);

-- undo: - unique c_k_b_key on c
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
-- hazard: can fail on existing rows
-- lock: ACCESS EXCLUSIVE, held while every row is read
ALTER TABLE public.c ADD CONSTRAINT c_k_b_key UNIQUE (k, b);

-- undo: - index d_id_idx on d
-- hazard: blocks writes to the table while it runs
-- lock: SHARE, held while every row is read
CREATE INDEX d_id_idx ON public.d (id);

-- undo: - index c_id_idx on c
-- hazard: blocks writes to the table while it runs
-- lock: SHARE, held while every row is read
CREATE INDEX c_id_idx ON public.c (id);

-- undo: - foreign key p_id_fkey on p
-- hazard: blocks writes to the table while it runs
-- hazard: can fail on existing rows
-- lock: SHARE ROW EXCLUSIVE, held while every row is read
ALTER TABLE public.p ADD CONSTRAINT p_id_fkey FOREIGN KEY (id) REFERENCES public.ref (id);

-- undo: - foreign key p_id_fkey on d
-- hazard: blocks writes to the table while it runs
-- hazard: can fail on existing rows
-- lock: SHARE ROW EXCLUSIVE, held while every row is read
ALTER TABLE public.d ADD CONSTRAINT p_id_fkey FOREIGN KEY (id) REFERENCES public.ref (id);

-- undo: - foreign key p_id_fkey on c
-- hazard: blocks writes to the table while it runs
-- hazard: can fail on existing rows
-- lock: SHARE ROW EXCLUSIVE, held while every row is read
ALTER TABLE public.c ADD CONSTRAINT p_id_fkey FOREIGN KEY (id) REFERENCES public.ref (id);

-- undo: - partition d of p
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
-- hazard: can fail on existing rows
-- lock: ACCESS EXCLUSIVE, held while every row is read
ALTER TABLE public.p ATTACH PARTITION public.d FOR VALUES IN (2);

-- undo: - partition c of p
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
-- hazard: can fail on existing rows
-- lock: ACCESS EXCLUSIVE, held while every row is read
ALTER TABLE public.p ATTACH PARTITION public.c FOR VALUES IN (1);
