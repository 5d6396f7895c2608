-- + exclusion constraint r_excl on r
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
-- hazard: can fail on existing rows
-- lock: ACCESS EXCLUSIVE, held while every row is read
ALTER TABLE public.r ADD CONSTRAINT r_excl EXCLUDE USING gist (c WITH &&) WHERE (active);
