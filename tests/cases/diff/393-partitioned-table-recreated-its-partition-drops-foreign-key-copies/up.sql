-- note: table f was dropped and f_new added with the same columns: if this is a rename, add #[table(renamed_from = "f")] to f_new

-- - partition f1 of f
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.f DETACH PARTITION public.f1;

-- - foreign key f_fk on f1
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.f1 DROP CONSTRAINT f_fk;

-- - foreign key f_old_fk on f1
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.f1 DROP CONSTRAINT f_old_fk;

-- - foreign key f_fk on f
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.f DROP CONSTRAINT f_fk;

-- - foreign key f_old_fk on f
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.f DROP CONSTRAINT f_old_fk;

-- - table f
-- hazard: deletes data
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
DROP TABLE public.f;

-- - table t_old
-- hazard: deletes data
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
DROP TABLE public.t_old;

-- + table f_new
CREATE TABLE public.f_new (
    a integer,
    b integer
) PARTITION BY LIST (a);

-- + foreign key f_fk on f_new -> t
-- hazard: blocks writes to the table while it runs
ALTER TABLE public.f_new ADD CONSTRAINT f_fk FOREIGN KEY (a) REFERENCES public.t (a) ON DELETE CASCADE;

-- + partition f1 of f_new FOR VALUES IN (1)
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
-- hazard: can fail on existing rows
-- lock: ACCESS EXCLUSIVE, held while every row is read
ALTER TABLE public.f_new ATTACH PARTITION public.f1 FOR VALUES IN (1);
