-- undo: - table b
-- note: re-creates the definition only; the data the up migration deleted is not restored
CREATE TABLE public.b (
    id integer NOT NULL,
    a_id integer,
    CONSTRAINT b_pkey PRIMARY KEY (id)
);

-- undo: - table a
-- note: re-creates the definition only; the data the up migration deleted is not restored
CREATE TABLE public.a (
    id integer NOT NULL,
    b_id integer,
    CONSTRAINT a_pkey PRIMARY KEY (id)
);

-- undo: - foreign key b_a_id_fkey on b
-- hazard: blocks writes to the table while it runs
-- hazard: can fail on existing rows
-- lock: SHARE ROW EXCLUSIVE, held while every row is read
ALTER TABLE public.b ADD CONSTRAINT b_a_id_fkey FOREIGN KEY (a_id) REFERENCES public.a (id);

-- undo: - foreign key a_b_id_fkey on a
-- hazard: blocks writes to the table while it runs
-- hazard: can fail on existing rows
-- lock: SHARE ROW EXCLUSIVE, held while every row is read
ALTER TABLE public.a ADD CONSTRAINT a_b_id_fkey FOREIGN KEY (b_id) REFERENCES public.b (id);
