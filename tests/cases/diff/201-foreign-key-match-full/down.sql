-- undo: + foreign key c_a_b_fkey on c -> p
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.c DROP CONSTRAINT c_a_b_fkey;

-- undo: - foreign key c_a_b_fkey on c
-- hazard: blocks writes to the table while it runs
-- hazard: can fail on existing rows
-- lock: SHARE ROW EXCLUSIVE, held while every row is read
ALTER TABLE public.c ADD CONSTRAINT c_a_b_fkey FOREIGN KEY (a, b) REFERENCES public.p (a, b);
