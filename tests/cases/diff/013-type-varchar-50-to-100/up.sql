-- ~ column t.v: character varying(50) -> character varying(100)
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.t ALTER COLUMN v TYPE character varying(100);
