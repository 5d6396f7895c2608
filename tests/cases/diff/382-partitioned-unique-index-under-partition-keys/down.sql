-- undo: + index u_idx on u
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
DROP INDEX public.u_idx CASCADE;

-- undo: + unique t_2_key on t_2 (k, id)
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.t_2 DROP CONSTRAINT IF EXISTS t_2_key;

-- undo: + primary key u_1_pkey on u_1 (k, id)
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.u_1 DROP CONSTRAINT IF EXISTS u_1_pkey;

-- undo: - primary key t_1_pkey on t_1
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
-- hazard: can fail on existing rows
-- lock: ACCESS EXCLUSIVE, held while every row is read
ALTER TABLE public.t_1 ADD CONSTRAINT t_1_pkey PRIMARY KEY (k, id);

-- undo: - unique t_2_key on t_2
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
-- hazard: can fail on existing rows
-- lock: ACCESS EXCLUSIVE, held while every row is read
ALTER TABLE public.t_2 ADD CONSTRAINT t_2_key UNIQUE (k, id);

-- undo: - index t_idx on t
-- hazard: blocks writes to the table while it runs
-- hazard: can fail on existing rows
-- lock: SHARE, held while every row is read
CREATE UNIQUE INDEX t_idx ON public.t (k, id);

-- undo: - primary key u_1_pkey on u_1
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
-- hazard: can fail on existing rows
-- lock: ACCESS EXCLUSIVE, held while every row is read
ALTER TABLE public.u_1 ADD CONSTRAINT u_1_pkey PRIMARY KEY (k, id);
