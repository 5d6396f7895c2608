-- - sequence counter
-- hazard: deletes data
DROP SEQUENCE public.counter;
