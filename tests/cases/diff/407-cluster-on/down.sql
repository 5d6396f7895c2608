-- undo: ~ table testtable: cluster on none -> testindex
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.testtable SET WITHOUT CLUSTER;

-- undo: ~ table remade: cluster on none -> remade_v
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.remade SET WITHOUT CLUSTER;

-- undo: + index remade_v on remade
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
DROP INDEX public.remade_v;

-- undo: + table "New"
-- hazard: deletes data
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
DROP TABLE public."New";

-- undo: - index remade_v on remade
-- hazard: blocks writes to the table while it runs
-- lock: SHARE, held while every row is read
CREATE INDEX remade_v ON public.remade (v);

-- undo: ~ table unclustered: cluster on unclustered_pkey -> none
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.unclustered CLUSTER ON unclustered_pkey;

-- undo: ~ table testtable: cluster on other -> none
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.testtable CLUSTER ON other;

-- undo: ~ table remade: cluster on remade_v -> none
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.remade CLUSTER ON remade_v;
