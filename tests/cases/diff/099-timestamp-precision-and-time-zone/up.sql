-- ~ column t.a: timestamp(3) without time zone -> timestamp without time zone
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.t ALTER COLUMN a TYPE timestamp without time zone;

-- ~ column t.b: timestamp without time zone -> timestamp with time zone
-- hazard: rewrites the table
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
-- lock: ACCESS EXCLUSIVE, held while the table is rewritten
ALTER TABLE public.t ALTER COLUMN b TYPE timestamp with time zone;

-- ~ column t.c: time without time zone -> time with time zone
-- hazard: rewrites the table
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
-- lock: ACCESS EXCLUSIVE, held while the table is rewritten
ALTER TABLE public.t ALTER COLUMN c TYPE time with time zone;
