-- + column t.name text
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.t ADD COLUMN name text COLLATE pg_catalog."C";
