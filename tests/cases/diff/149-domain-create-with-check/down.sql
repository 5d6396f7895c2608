-- undo: ~ column t.amount: integer -> public.positive_int
-- hazard: rewrites the table
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
-- hazard: can fail on existing rows
-- lock: ACCESS EXCLUSIVE, held while the table is rewritten
ALTER TABLE public.t ALTER COLUMN amount TYPE integer USING amount::text::integer;

-- undo: + domain positive_int
DROP DOMAIN public.positive_int;
