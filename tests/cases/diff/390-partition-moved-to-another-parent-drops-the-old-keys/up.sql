-- note: table p was dropped and p2 added with the same columns: if this is a rename, add #[table(renamed_from = "p")] to p2

-- - partition c of p
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.p DETACH PARTITION public.c;

-- - partition d of p
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.p DETACH PARTITION public.d;

-- - foreign key p_id_fkey on c
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.c DROP CONSTRAINT p_id_fkey;

-- - foreign key p_id_fkey on d
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.d DROP CONSTRAINT p_id_fkey;

-- - foreign key p_id_fkey on p
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.p DROP CONSTRAINT p_id_fkey;

-- - index c_id_idx on c
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
DROP INDEX public.c_id_idx;

-- - index d_id_idx on d
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
DROP INDEX public.d_id_idx;

-- - unique c_k_b_key on c
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.c DROP CONSTRAINT c_k_b_key;

-- - unique d_k_b_key on d
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.d DROP CONSTRAINT d_k_b_key;

-- - primary key c_pkey on c
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.c DROP CONSTRAINT c_pkey;

-- - primary key d_pkey on d
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.d DROP CONSTRAINT d_pkey;

-- - table p
-- hazard: deletes data
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
DROP TABLE public.p;

-- + table p2
CREATE TABLE public.p2 (
    k integer,
    id integer,
    b integer
) PARTITION BY LIST (k);

-- ~ column c.k: drop not null
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.c ALTER COLUMN k DROP NOT NULL;

-- ~ column c.id: drop not null
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.c ALTER COLUMN id DROP NOT NULL;

-- ~ column d.id: drop not null
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.d ALTER COLUMN id DROP NOT NULL;

-- ~ column d.b: set not null
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
-- hazard: can fail on existing rows
-- lock: ACCESS EXCLUSIVE, held while every row is read
ALTER TABLE public.d ALTER COLUMN b SET NOT NULL;

-- + primary key d_pkey on d (k, b)
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
-- hazard: can fail on existing rows
-- lock: ACCESS EXCLUSIVE, held while every row is read
ALTER TABLE public.d ADD CONSTRAINT d_pkey PRIMARY KEY (k, b);

-- + partition c of p2 FOR VALUES IN (1)
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
-- hazard: can fail on existing rows
-- lock: ACCESS EXCLUSIVE, held while every row is read
ALTER TABLE public.p2 ATTACH PARTITION public.c FOR VALUES IN (1);

-- + partition d of p2 FOR VALUES IN (2)
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
-- hazard: can fail on existing rows
-- lock: ACCESS EXCLUSIVE, held while every row is read
ALTER TABLE public.p2 ATTACH PARTITION public.d FOR VALUES IN (2);
