-- + foreign key c_pid_fkey on c -> p
-- hazard: can fail on existing rows
-- lock: SHARE ROW EXCLUSIVE briefly; the rows are read under SHARE UPDATE EXCLUSIVE (reads and writes go on)
-- runs outside a transaction
ALTER TABLE public.c ADD CONSTRAINT c_pid_fkey FOREIGN KEY (pid) REFERENCES public.p (id) ON DELETE CASCADE NOT VALID;
ALTER TABLE public.c VALIDATE CONSTRAINT c_pid_fkey;
