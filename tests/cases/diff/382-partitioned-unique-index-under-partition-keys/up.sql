-- - primary key u_1_pkey on u_1
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.u_1 DROP CONSTRAINT IF EXISTS u_1_pkey;

-- - index t_idx on t
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
DROP INDEX public.t_idx CASCADE;

-- - unique t_2_key on t_2
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.t_2 DROP CONSTRAINT IF EXISTS t_2_key;

-- - primary key t_1_pkey on t_1
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.t_1 DROP CONSTRAINT IF EXISTS t_1_pkey;

-- + primary key u_1_pkey on u_1 (k, id)
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
-- hazard: can fail on existing rows
-- lock: ACCESS EXCLUSIVE, held while every row is read
ALTER TABLE public.u_1 ADD CONSTRAINT u_1_pkey PRIMARY KEY (k, id);

-- + unique t_2_key on t_2 (k, id)
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
-- hazard: can fail on existing rows
-- lock: ACCESS EXCLUSIVE, held while every row is read
ALTER TABLE public.t_2 ADD CONSTRAINT t_2_key UNIQUE (k, id);

-- + index u_idx on u
-- hazard: blocks writes to the table while it runs
-- hazard: can fail on existing rows
-- lock: SHARE, held while every row is read
CREATE UNIQUE INDEX u_idx ON public.u (k, id);
