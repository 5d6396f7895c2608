-- + domain positive_int
CREATE DOMAIN public.positive_int AS integer NOT NULL CONSTRAINT positive_int_check CHECK ((VALUE > 0));

-- ~ column t.amount: integer -> public.positive_int
-- hazard: rewrites the table
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
-- hazard: can fail on existing rows
-- lock: ACCESS EXCLUSIVE, held while the table is rewritten
ALTER TABLE public.t ALTER COLUMN amount TYPE public.positive_int USING amount::text::public.positive_int;
