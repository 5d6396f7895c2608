-- + extension citext
CREATE EXTENSION IF NOT EXISTS citext WITH SCHEMA public VERSION '1.6';
COMMENT ON EXTENSION citext IS 'data type for case-insensitive character strings';

-- ~ column t.name: text -> public.citext
-- hazard: rewrites the table
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
-- hazard: can fail on existing rows
-- lock: ACCESS EXCLUSIVE, held while the table is rewritten
ALTER TABLE public.t ALTER COLUMN name TYPE public.citext USING name::public.citext;
