-- undo: + table p3
-- hazard: deletes data
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
-- hazard: can fail on existing rows
ALTER TABLE public.p DETACH PARTITION public.p3;
DROP TABLE public.p3;

-- undo: - table p2
-- note: re-creates the definition only; the data the up migration deleted is not restored
CREATE TABLE public.p2 PARTITION OF public.p FOR VALUES IN (2);

-- undo: - table p1b
-- note: re-creates the definition only; the data the up migration deleted is not restored
CREATE TABLE public.p1b PARTITION OF public.p1 FOR VALUES IN (2);
