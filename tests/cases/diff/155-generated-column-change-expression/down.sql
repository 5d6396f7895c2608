-- undo: ~ column t.total: generated as (a + b) -> generated as (a * b)
-- hazard: rewrites the table
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
-- lock: ACCESS EXCLUSIVE, held while the table is rewritten
ALTER TABLE public.t DROP COLUMN total, ADD COLUMN total integer GENERATED ALWAYS AS (a + b) STORED;
