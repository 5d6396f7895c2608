-- + foreign key c_x_y_fkey on c -> p
-- hazard: blocks writes to the table while it runs
-- hazard: can fail on existing rows
-- lock: SHARE ROW EXCLUSIVE, held while every row is read
ALTER TABLE public.c ADD CONSTRAINT c_x_y_fkey FOREIGN KEY (x, y) REFERENCES public.p (a, b) ON DELETE CASCADE;
