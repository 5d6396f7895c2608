-- undo: + foreign key u_r_fk on u -> r
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.u DROP CONSTRAINT u_r_fk;

-- undo: + foreign key s_r_fk on s -> r
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.s DROP CONSTRAINT s_r_fk;

-- undo: - foreign key s_r_fk on s
-- hazard: blocks writes to the table while it runs
-- hazard: can fail on existing rows
-- lock: SHARE ROW EXCLUSIVE, held while every row is read
ALTER TABLE public.s ADD CONSTRAINT s_r_fk FOREIGN KEY (r_id) REFERENCES public.r (id) NOT VALID;
