-- + column t.flags bit(8)
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.t ADD COLUMN flags bit(8);

-- + column t.mask bit varying(16)
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.t ADD COLUMN mask bit varying(16);

-- + column t.free bit varying
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.t ADD COLUMN free bit varying;
