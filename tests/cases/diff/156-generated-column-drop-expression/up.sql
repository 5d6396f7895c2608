-- ~ column t.total: generated as (a + b) -> not generated
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.t ALTER COLUMN total DROP EXPRESSION;
