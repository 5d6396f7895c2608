-- undo: + view v
DROP VIEW public.v;

-- undo: ~ column t.amount: integer -> bigint
-- hazard: deletes data
-- hazard: rewrites the table
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
-- hazard: can fail on existing rows
-- lock: ACCESS EXCLUSIVE, held while the table is rewritten
ALTER TABLE public.t ALTER COLUMN amount TYPE integer;

-- undo: - view v
CREATE VIEW public.v AS SELECT t.id,
    t.amount
   FROM public.t;
