-- undo: - primary key t_pkey on t
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
-- hazard: can fail on existing rows
-- lock: ACCESS EXCLUSIVE, held while every row is read
ALTER TABLE public.t ADD CONSTRAINT t_pkey PRIMARY KEY (id);
