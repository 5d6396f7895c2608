-- ~ table remade: cluster on remade_v -> none
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.remade SET WITHOUT CLUSTER;

-- ~ table testtable: cluster on other -> none
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.testtable SET WITHOUT CLUSTER;

-- ~ table unclustered: cluster on unclustered_pkey -> none
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.unclustered SET WITHOUT CLUSTER;

-- - index remade_v on remade
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
DROP INDEX public.remade_v;

-- + table "New"
CREATE TABLE public."New" (
    id integer NOT NULL,
    CONSTRAINT "New_pkey" PRIMARY KEY (id)
);
ALTER TABLE public."New" CLUSTER ON "New_pkey";

-- + index remade_v on remade
-- hazard: blocks writes to the table while it runs
-- lock: SHARE, held while every row is read
CREATE INDEX remade_v ON public.remade (v DESC);

-- ~ table remade: cluster on none -> remade_v
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.remade CLUSTER ON remade_v;

-- ~ table testtable: cluster on none -> testindex
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.testtable CLUSTER ON testindex;
