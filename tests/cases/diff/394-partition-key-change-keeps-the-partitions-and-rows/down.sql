-- undo: + partition p2 of p FOR VALUES IN ('y')
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.p DETACH PARTITION public.p2;

-- undo: + partition p1 of p FOR VALUES IN ('x')
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.p DETACH PARTITION public.p1;

-- undo: + table p
-- hazard: deletes data
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
DROP TABLE public.p;

-- undo: - table p
-- note: re-creates the definition only; the data the up migration deleted is not restored
CREATE TABLE public.p (
    a text,
    b text,
    c integer
) PARTITION BY LIST (a);
CREATE INDEX p_c_idx ON public.p (c);

-- undo: - partition p2 of p
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
-- hazard: can fail on existing rows
-- lock: ACCESS EXCLUSIVE, held while every row is read
ALTER TABLE public.p ATTACH PARTITION public.p2 FOR VALUES IN ('y');

-- undo: - partition p1 of p
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
-- hazard: can fail on existing rows
-- lock: ACCESS EXCLUSIVE, held while every row is read
ALTER TABLE public.p ATTACH PARTITION public.p1 FOR VALUES IN ('x');
