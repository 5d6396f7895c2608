-- undo: ~ partitions of t with an index attached to t_foo: t1, t2 -> t1
-- hazard: blocks writes to the table while it runs
-- lock: SHARE
CREATE INDEX t2_foo_idx ON public.t2 (foo);
ALTER INDEX public.t_foo ATTACH PARTITION public.t2_foo_idx;

-- undo: ~ partitions of "Sales"."Orders" with an index attached to "Orders Key": none -> "Sales"."Orders US"
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
-- hazard: can fail on existing rows
DROP INDEX "Sales"."Orders Key";
CREATE UNIQUE INDEX "Orders Key" ON ONLY "Sales"."Orders" (id, region, at);

-- undo: + index t_foo on t
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
DROP INDEX public.t_foo;
