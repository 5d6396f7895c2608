-- Keys made ONLY the partitioned tables (not valid: no partition has one
-- attached), and in each partition a unique index of the key's name.
CREATE TABLE foobar (id int NOT NULL, foo varchar(255) NOT NULL) PARTITION BY LIST (foo);
CREATE TABLE foobar_1 PARTITION OF foobar FOR VALUES IN ('foo_1');
CREATE TABLE foobar_2 PARTITION OF foobar FOR VALUES IN ('foo_2');
ALTER TABLE ONLY foobar ADD CONSTRAINT some_pkey PRIMARY KEY (foo, id);
CREATE UNIQUE INDEX foobar_1_pkey ON foobar_1 (foo, id);
CREATE TABLE "Pairs" (a int NOT NULL, b int NOT NULL) PARTITION BY RANGE (a);
CREATE TABLE "Pairs low" PARTITION OF "Pairs" FOR VALUES FROM (0) TO (100);
ALTER TABLE ONLY "Pairs" ADD CONSTRAINT "Pairs_a_b_key" UNIQUE (a, b);
COMMENT ON CONSTRAINT "Pairs_a_b_key" ON "Pairs" IS 'one pair once';
INSERT INTO foobar VALUES (1, 'foo_1'), (2, 'foo_2');
INSERT INTO "Pairs" VALUES (1, 2), (2, 1);
