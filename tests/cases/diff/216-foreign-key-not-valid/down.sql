-- undo: + foreign key u_r_fk on u -> r
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.u DROP CONSTRAINT u_r_fk;

-- undo: ~ foreign key s_r_fk on s: validated
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.s DROP CONSTRAINT s_r_fk;
ALTER TABLE public.s ADD CONSTRAINT s_r_fk FOREIGN KEY (r_id) REFERENCES public.r (id) NOT VALID;
