-- undo: + partition w_1 of w FOR VALUES IN (1)
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.w DETACH PARTITION public.w_1;

-- undo: + index u_uq on u
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
DROP INDEX public.u_uq CASCADE;

-- undo: + index t_uq on t
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
DROP INDEX public.t_uq CASCADE;

-- undo: + unique u_1_key on u_1 (id, k)
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.u_1 DROP CONSTRAINT IF EXISTS u_1_key;

-- undo: + primary key t_1_pkey on t_1 (id, k)
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.t_1 DROP CONSTRAINT IF EXISTS t_1_pkey;

-- undo: - index u_uq on u
-- hazard: blocks writes to the table while it runs
-- hazard: can fail on existing rows
-- lock: SHARE, held while every row is read
CREATE UNIQUE INDEX u_uq ON public.u (id, k);

-- undo: - unique u_1_key on u_1
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
-- hazard: can fail on existing rows
-- lock: ACCESS EXCLUSIVE, held while every row is read
ALTER TABLE public.u_1 ADD CONSTRAINT u_1_key UNIQUE (id, k);

-- undo: - primary key t_1_pkey on t_1
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
-- hazard: can fail on existing rows
-- lock: ACCESS EXCLUSIVE, held while every row is read
ALTER TABLE public.t_1 ADD CONSTRAINT t_1_pkey PRIMARY KEY (id, k);
