-- ~ column t.name: collation default -> pg_catalog."C"
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.t ALTER COLUMN name TYPE text COLLATE pg_catalog."C";
