-- - view v
DROP VIEW public.v;

-- ~ column t.amount: integer -> bigint
-- hazard: rewrites the table
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
-- lock: ACCESS EXCLUSIVE, held while the table is rewritten
ALTER TABLE public.t ALTER COLUMN amount TYPE bigint;

-- + view v
CREATE VIEW public.v AS SELECT t.id,
    t.amount
   FROM public.t;
