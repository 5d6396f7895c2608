-- - partition c of p
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.p DETACH PARTITION public.c;

-- - index c_id_idx on c
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
DROP INDEX public.c_id_idx;

-- - unique c_k_note_key on c
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.c DROP CONSTRAINT c_k_note_key;

-- + table p2
CREATE TABLE public.p2 (
    k integer NOT NULL,
    id integer NOT NULL,
    note text,
    CONSTRAINT p2_pkey PRIMARY KEY (k, id)
) PARTITION BY LIST (k);
CREATE INDEX p2_note_idx ON public.p2 (note);

-- + foreign key p2_id_fkey on p2 -> ref
-- hazard: blocks writes to the table while it runs
ALTER TABLE public.p2 ADD CONSTRAINT p2_id_fkey FOREIGN KEY (id) REFERENCES public.ref (id);

-- + partition c of p2 FOR VALUES IN (1)
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
-- hazard: can fail on existing rows
-- lock: ACCESS EXCLUSIVE, held while every row is read
ALTER TABLE public.p2 ATTACH PARTITION public.c FOR VALUES IN (1);
