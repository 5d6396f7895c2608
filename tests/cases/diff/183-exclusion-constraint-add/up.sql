-- + exclusion constraint no_overlap on booking
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
-- hazard: can fail on existing rows
-- lock: ACCESS EXCLUSIVE, held while every row is read
ALTER TABLE public.booking ADD CONSTRAINT no_overlap EXCLUDE USING gist (room WITH =, during WITH &&);
