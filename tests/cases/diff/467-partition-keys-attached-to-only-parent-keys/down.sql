-- undo: ~ partitions of foobar with an index attached to some_pkey: none -> foobar_1, foobar_2
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
-- hazard: can fail on existing rows
ALTER TABLE public.foobar DROP CONSTRAINT some_pkey;
ALTER TABLE ONLY public.foobar ADD CONSTRAINT some_pkey PRIMARY KEY (foo, id);

-- undo: ~ partitions of "Pairs" with an index attached to "Pairs_a_b_key": none -> "Pairs low"
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
-- hazard: can fail on existing rows
ALTER TABLE public."Pairs" DROP CONSTRAINT "Pairs_a_b_key";
ALTER TABLE ONLY public."Pairs" ADD CONSTRAINT "Pairs_a_b_key" UNIQUE (a, b);
COMMENT ON CONSTRAINT "Pairs_a_b_key" ON public."Pairs" IS 'one pair once';

-- undo: - index foobar_1_pkey on foobar_1
-- hazard: blocks writes to the table while it runs
-- hazard: can fail on existing rows
-- lock: SHARE, held while every row is read
CREATE UNIQUE INDEX foobar_1_pkey ON public.foobar_1 (foo, id);
