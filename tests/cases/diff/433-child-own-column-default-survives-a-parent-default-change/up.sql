-- ~ column bikes.wheels: default 2 -> 2
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.bikes ALTER COLUMN wheels SET DEFAULT 2;

-- ~ column vehicles.wheels: default 4 -> 6
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.vehicles ALTER COLUMN wheels SET DEFAULT 6;

-- ~ column vehicles.note: default 'a'::text -> 'b'::text
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.vehicles ALTER COLUMN note SET DEFAULT 'b'::text;

-- ~ column bikes.wheels: default 6 -> 2
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.bikes ALTER COLUMN wheels SET DEFAULT 2;
