-- - view v
DROP VIEW public.v;

-- - column t.amount
-- hazard: deletes data
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.t DROP COLUMN amount;

-- + view v
CREATE VIEW public.v AS SELECT t.id
   FROM public.t;
