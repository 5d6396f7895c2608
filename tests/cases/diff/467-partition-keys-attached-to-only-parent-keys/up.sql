-- - index foobar_1_pkey on foobar_1
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
DROP INDEX public.foobar_1_pkey;

-- ~ partitions of "Pairs" with an index attached to "Pairs_a_b_key": none -> "Pairs low"
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
-- hazard: can fail on existing rows
ALTER TABLE public."Pairs low" ADD CONSTRAINT "Pairs low_a_b_key" UNIQUE (a, b);
ALTER INDEX public."Pairs_a_b_key" ATTACH PARTITION public."Pairs low_a_b_key";

-- ~ partitions of foobar with an index attached to some_pkey: none -> foobar_1, foobar_2
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
-- hazard: can fail on existing rows
ALTER TABLE public.foobar_1 ADD CONSTRAINT foobar_1_pkey PRIMARY KEY (foo, id);
ALTER INDEX public.some_pkey ATTACH PARTITION public.foobar_1_pkey;
ALTER TABLE public.foobar_2 ADD CONSTRAINT foobar_2_pkey PRIMARY KEY (foo, id);
ALTER INDEX public.some_pkey ATTACH PARTITION public.foobar_2_pkey;
