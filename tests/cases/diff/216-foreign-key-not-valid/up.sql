-- ~ foreign key s_r_fk on s: validated
-- hazard: can fail on existing rows
-- lock: SHARE UPDATE EXCLUSIVE, held while every row is read
ALTER TABLE public.s VALIDATE CONSTRAINT s_r_fk;

-- + foreign key u_r_fk on u -> r
-- hazard: blocks writes to the table while it runs
-- hazard: can fail on existing rows
-- lock: SHARE ROW EXCLUSIVE, held while every row is read
ALTER TABLE public.u ADD CONSTRAINT u_r_fk FOREIGN KEY (r_id) REFERENCES public.r (id) ON DELETE CASCADE NOT VALID;
