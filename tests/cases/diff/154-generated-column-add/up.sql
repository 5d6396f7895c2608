-- + column t.total integer
-- hazard: rewrites the table
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
-- lock: ACCESS EXCLUSIVE, held while the table is rewritten
ALTER TABLE public.t ADD COLUMN total integer GENERATED ALWAYS AS (a + b) STORED;
