-- note: table p was dropped and p added with the same columns: if this is a rename, add #[table(renamed_from = "p")] to p

-- - partition p1 of p
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.p DETACH PARTITION public.p1;

-- - partition p2 of p
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.p DETACH PARTITION public.p2;

-- - table p
-- hazard: deletes data
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
DROP TABLE public.p;

-- + table p
CREATE TABLE public.p (
    a text,
    b text,
    c integer
) PARTITION BY LIST (b);
CREATE INDEX p_c_idx ON public.p (c);

-- + partition p1 of p FOR VALUES IN ('x')
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
-- hazard: can fail on existing rows
-- lock: ACCESS EXCLUSIVE, held while every row is read
ALTER TABLE public.p ATTACH PARTITION public.p1 FOR VALUES IN ('x');

-- + partition p2 of p FOR VALUES IN ('y')
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
-- hazard: can fail on existing rows
-- lock: ACCESS EXCLUSIVE, held while every row is read
ALTER TABLE public.p ATTACH PARTITION public.p2 FOR VALUES IN ('y');
