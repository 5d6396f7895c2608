-- undo: + partition f1 of f_new FOR VALUES IN (1)
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.f_new DETACH PARTITION public.f1;
ALTER TABLE public.f1 DROP CONSTRAINT f_fk;

-- undo: + foreign key f_fk on f_new -> t
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.f_new DROP CONSTRAINT f_fk;

-- undo: + table f_new
-- hazard: deletes data
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
DROP TABLE public.f_new;

-- undo: - table t_old
-- note: re-creates the definition only; the data the up migration deleted is not restored
CREATE TABLE public.t_old (
    b integer NOT NULL,
    CONSTRAINT t_old_pkey PRIMARY KEY (b)
);

-- undo: - table f
-- note: re-creates the definition only; the data the up migration deleted is not restored
CREATE TABLE public.f (
    a integer,
    b integer
) PARTITION BY LIST (a);

-- undo: - foreign key f_old_fk on f
-- hazard: blocks writes to the table while it runs
-- hazard: can fail on existing rows
-- lock: SHARE ROW EXCLUSIVE, held while every row is read
ALTER TABLE public.f ADD CONSTRAINT f_old_fk FOREIGN KEY (b) REFERENCES public.t_old (b);

-- undo: - foreign key f_fk on f
-- hazard: blocks writes to the table while it runs
-- hazard: can fail on existing rows
-- lock: SHARE ROW EXCLUSIVE, held while every row is read
ALTER TABLE public.f ADD CONSTRAINT f_fk FOREIGN KEY (a) REFERENCES public.t (a);

-- undo: - foreign key f_old_fk on f1
-- hazard: blocks writes to the table while it runs
-- hazard: can fail on existing rows
-- lock: SHARE ROW EXCLUSIVE, held while every row is read
ALTER TABLE public.f1 ADD CONSTRAINT f_old_fk FOREIGN KEY (b) REFERENCES public.t_old (b);

-- undo: - foreign key f_fk on f1
-- hazard: blocks writes to the table while it runs
-- hazard: can fail on existing rows
-- lock: SHARE ROW EXCLUSIVE, held while every row is read
ALTER TABLE public.f1 ADD CONSTRAINT f_fk FOREIGN KEY (a) REFERENCES public.t (a);

-- undo: - partition f1 of f
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
-- hazard: can fail on existing rows
-- lock: ACCESS EXCLUSIVE, held while every row is read
ALTER TABLE public.f ATTACH PARTITION public.f1 FOR VALUES IN (1);
