-- ~ column t.v: character varying(20) -> text
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.t ALTER COLUMN v TYPE text;
