-- undo: + primary key t_pkey on t (id)
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.t DROP CONSTRAINT t_pkey;
