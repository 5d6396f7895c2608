-- ~ column t.flags: bit varying(8) -> bit varying(16)
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.t ALTER COLUMN flags TYPE bit varying(16);
