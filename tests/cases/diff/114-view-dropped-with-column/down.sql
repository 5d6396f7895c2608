-- undo: + view v
DROP VIEW public.v;

-- undo: - column t.amount
-- note: re-creates the definition only; the data the up migration deleted is not restored
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.t ADD COLUMN amount integer;

-- undo: - view v
CREATE VIEW public.v AS SELECT t.id,
    t.amount
   FROM public.t;
