-- Each partition's key attached to its parent's: the parents' keys valid.
CREATE TABLE foobar (id int NOT NULL, foo varchar(255) NOT NULL) PARTITION BY LIST (foo);
CREATE TABLE foobar_1 PARTITION OF foobar FOR VALUES IN ('foo_1');
CREATE TABLE foobar_2 PARTITION OF foobar FOR VALUES IN ('foo_2');
ALTER TABLE ONLY foobar ADD CONSTRAINT some_pkey PRIMARY KEY (foo, id);
CREATE UNIQUE INDEX foobar_1_pkey ON foobar_1 (foo, id);
ALTER TABLE foobar_1 ADD CONSTRAINT foobar_1_pkey PRIMARY KEY USING INDEX foobar_1_pkey;
ALTER INDEX some_pkey ATTACH PARTITION foobar_1_pkey;
ALTER TABLE foobar_2 ADD CONSTRAINT foobar_2_pkey PRIMARY KEY (foo, id);
ALTER INDEX some_pkey ATTACH PARTITION foobar_2_pkey;
CREATE TABLE "Pairs" (a int NOT NULL, b int NOT NULL) PARTITION BY RANGE (a);
CREATE TABLE "Pairs low" PARTITION OF "Pairs" FOR VALUES FROM (0) TO (100);
ALTER TABLE ONLY "Pairs" ADD CONSTRAINT "Pairs_a_b_key" UNIQUE (a, b);
COMMENT ON CONSTRAINT "Pairs_a_b_key" ON "Pairs" IS 'one pair once';
ALTER TABLE "Pairs low" ADD CONSTRAINT "Pairs low_a_b_key" UNIQUE (a, b);
ALTER INDEX "Pairs_a_b_key" ATTACH PARTITION "Pairs low_a_b_key";
