-- + schema "Other"
CREATE SCHEMA "Other";

-- + table "Other"."Parent"
CREATE TABLE "Other"."Parent" (
    id integer,
    fizz serial NOT NULL,
    k text,
    CONSTRAINT "Parent_fizz_check" CHECK (fizz > 0)
) PARTITION BY LIST (k);
CREATE UNIQUE INDEX "Parent key" ON "Other"."Parent" (k, id);

-- + table "Other"."Part A"
CREATE TABLE "Other"."Part A" (
    id integer NOT NULL,
    fizz integer DEFAULT nextval('"Other"."Parent_fizz_seq"'::regclass) NOT NULL,
    k text NOT NULL,
    CONSTRAINT "Part A_pkey" PRIMARY KEY (k, id),
    CONSTRAINT "Parent_fizz_check" CHECK (fizz > 0)
);

-- + table foobar_1
CREATE TABLE public.foobar_1 (
    foo text,
    bar text,
    n integer,
    CONSTRAINT foobar_1_foo_bar_key UNIQUE (foo, bar),
    CONSTRAINT foobar_n_check CHECK (n > 0)
);

-- + table foobar_2
CREATE TABLE public.foobar_2 (
    foo text NOT NULL,
    bar text NOT NULL,
    n integer,
    CONSTRAINT foobar_2_pkey PRIMARY KEY (foo, bar),
    CONSTRAINT foobar_n_check CHECK (n > 0)
);

-- + table "Other"."Part B"
CREATE TABLE "Other"."Part B" PARTITION OF "Other"."Parent" FOR VALUES IN ('b');

-- + partition "Other"."Part A" of "Other"."Parent" FOR VALUES IN ('a')
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
-- hazard: can fail on existing rows
-- lock: ACCESS EXCLUSIVE, held while every row is read
ALTER TABLE "Other"."Parent" ATTACH PARTITION "Other"."Part A" FOR VALUES IN ('a');

-- + partition foobar_1 of foobar FOR VALUES IN ('foo_1')
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
-- hazard: can fail on existing rows
-- lock: ACCESS EXCLUSIVE, held while every row is read
ALTER TABLE public.foobar ATTACH PARTITION public.foobar_1 FOR VALUES IN ('foo_1');

-- + partition foobar_2 of foobar FOR VALUES IN ('foo_2')
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
-- hazard: can fail on existing rows
-- lock: ACCESS EXCLUSIVE, held while every row is read
ALTER TABLE public.foobar ATTACH PARTITION public.foobar_2 FOR VALUES IN ('foo_2');
