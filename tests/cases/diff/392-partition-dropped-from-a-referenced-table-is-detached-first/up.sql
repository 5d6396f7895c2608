-- - table p1b
-- hazard: deletes data
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
-- hazard: can fail on existing rows
ALTER TABLE public.p1 DETACH PARTITION public.p1b;
DROP TABLE public.p1b;

-- - table p2
-- hazard: deletes data
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
-- hazard: can fail on existing rows
ALTER TABLE public.p DETACH PARTITION public.p2;
DROP TABLE public.p2;

-- + table p3
CREATE TABLE public.p3 PARTITION OF public.p FOR VALUES IN (3);
