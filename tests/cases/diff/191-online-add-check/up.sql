-- + check t_n_positive on t
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
-- hazard: can fail on existing rows
-- lock: ACCESS EXCLUSIVE briefly; the rows are read under SHARE UPDATE EXCLUSIVE (reads and writes go on)
-- runs outside a transaction
ALTER TABLE public.t ADD CONSTRAINT t_n_positive CHECK (n > 0) NOT VALID;
ALTER TABLE public.t VALIDATE CONSTRAINT t_n_positive;
