-- - check ck4 on t
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.t DROP CONSTRAINT ck4;

-- - primary key t_pkey on t
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.t DROP CONSTRAINT t_pkey;

-- ~ column t.c1: identity serial -> none
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.t ALTER COLUMN c1 DROP DEFAULT;
DO $strata$ BEGIN EXECUTE 'DROP SEQUENCE ' || pg_catalog.pg_get_serial_sequence('public.t', 'c1'); END $strata$;

-- ~ column t.c1: smallint -> boolean
-- hazard: rewrites the table
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
-- hazard: can fail on existing rows
-- lock: ACCESS EXCLUSIVE, held while the table is rewritten
ALTER TABLE public.t ALTER COLUMN c1 TYPE boolean USING c1::text::boolean;
