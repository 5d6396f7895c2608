-- undo: - foreign key c_pid_fkey on c
-- hazard: blocks writes to the table while it runs
-- hazard: can fail on existing rows
-- lock: SHARE ROW EXCLUSIVE, held while every row is read
ALTER TABLE public.c ADD CONSTRAINT c_pid_fkey FOREIGN KEY (pid) REFERENCES public.p (id);
