-- + exclusion constraint no_overlap on booking
ALTER TABLE public.booking ADD CONSTRAINT no_overlap EXCLUDE USING gist (room WITH =, during WITH &&);
