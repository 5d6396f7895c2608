CREATE TABLE foobar (foo text, bar text, n int CHECK (n > 0)) PARTITION BY LIST (foo);
CREATE TABLE foobar_1 PARTITION OF foobar (UNIQUE (foo, bar)) FOR VALUES IN ('foo_1');
CREATE TABLE foobar_2 PARTITION OF foobar (bar NOT NULL, foo NOT NULL, PRIMARY KEY (foo, bar)) FOR VALUES IN ('foo_2');
CREATE UNIQUE INDEX some_partitioned_idx ON foobar (foo, bar);
CREATE SCHEMA "Other";
CREATE TABLE "Other"."Parent" (id int, fizz serial, k text, CHECK (fizz > 0)) PARTITION BY LIST (k);
CREATE TABLE "Other"."Part A" PARTITION OF "Other"."Parent" (k NOT NULL, id NOT NULL, PRIMARY KEY (k, id)) FOR VALUES IN ('a');
CREATE TABLE "Other"."Part B" PARTITION OF "Other"."Parent" FOR VALUES IN ('b');
CREATE UNIQUE INDEX "Parent key" ON "Other"."Parent" (k, id);
