-- ~ partitions of "Foobar" with an index attached to "Partitioned_Idx": "Foobar_3", foobar_1, foobar_2 -> foobar_1, foobar_2
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
DROP INDEX public."Partitioned_Idx";
CREATE INDEX "Partitioned_Idx" ON ONLY public."Foobar" (foo);
CREATE INDEX foobar_1_part ON public.foobar_1 (foo);
ALTER INDEX public."Partitioned_Idx" ATTACH PARTITION public.foobar_1_part;
CREATE INDEX foobar_2_part ON public.foobar_2 (foo);
ALTER INDEX public."Partitioned_Idx" ATTACH PARTITION public.foobar_2_part;

-- + index "Foobar_3_Part" on "Foobar_3"
-- hazard: blocks writes to the table while it runs
-- lock: SHARE, held while every row is read
CREATE INDEX "Foobar_3_Part" ON public."Foobar_3" (foo);
