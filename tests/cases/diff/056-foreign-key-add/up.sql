-- + foreign key kids_parent_id_fkey on kids -> parents
-- hazard: blocks writes to the table while it runs
-- hazard: can fail on existing rows
-- lock: SHARE ROW EXCLUSIVE, held while every row is read
ALTER TABLE public.kids ADD CONSTRAINT kids_parent_id_fkey FOREIGN KEY (parent_id) REFERENCES public.parents (id);
