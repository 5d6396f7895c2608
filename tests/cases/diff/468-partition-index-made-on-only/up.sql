-- + index t_foo on t
-- hazard: blocks writes to the table while it runs
-- lock: SHARE, held while every row is read
CREATE INDEX t_foo ON public.t (foo);
COMMENT ON INDEX public.t_foo IS 'half';

-- ~ partitions of "Sales"."Orders" with an index attached to "Orders Key": none -> "Sales"."Orders US"
-- hazard: blocks writes to the table while it runs
-- hazard: can fail on existing rows
-- lock: SHARE
CREATE UNIQUE INDEX "US key" ON "Sales"."Orders US" (id, region, at);
ALTER INDEX "Sales"."Orders Key" ATTACH PARTITION "Sales"."US key";

-- ~ partitions of t with an index attached to t_foo: t1, t2 -> t1
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
DROP INDEX public.t_foo;
CREATE INDEX t_foo ON ONLY public.t (foo);
COMMENT ON INDEX public.t_foo IS 'half';
CREATE INDEX t1_foo_custom ON public.t1 (foo);
ALTER INDEX public.t_foo ATTACH PARTITION public.t1_foo_custom;
