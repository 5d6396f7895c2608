-- - exclusion constraint no_overlap on booking
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.booking DROP CONSTRAINT no_overlap;
