-- undo: + foreign key c_pid_fkey on c -> p
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.c DROP CONSTRAINT c_pid_fkey;

-- undo: + table c
-- hazard: deletes data
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
DROP TABLE public.c;
