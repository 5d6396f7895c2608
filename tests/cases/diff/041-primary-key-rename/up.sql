-- ~ rename constraint t_old_pk -> t_pkey on t
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.t RENAME CONSTRAINT t_old_pk TO t_pkey;
