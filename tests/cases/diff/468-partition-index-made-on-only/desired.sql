-- A new index made ON ONLY t and attached in one partition of two; an
-- index of a sub-partitioned table attached in one more partition.
CREATE TABLE t (id int NOT NULL, foo text) PARTITION BY RANGE (id);
CREATE TABLE t1 PARTITION OF t FOR VALUES FROM (0) TO (10);
CREATE TABLE t2 PARTITION OF t FOR VALUES FROM (10) TO (20);
CREATE INDEX t_foo ON ONLY t (foo);
CREATE INDEX t1_foo_custom ON t1 (foo);
ALTER INDEX t_foo ATTACH PARTITION t1_foo_custom;
COMMENT ON INDEX t_foo IS 'half';
CREATE SCHEMA "Sales";
CREATE TABLE "Sales"."Orders" (id int NOT NULL, region text NOT NULL, at date NOT NULL) PARTITION BY LIST (region);
CREATE TABLE "Sales"."Orders EU" PARTITION OF "Sales"."Orders" FOR VALUES IN ('eu') PARTITION BY RANGE (at);
CREATE TABLE "Sales"."Orders EU 2024" PARTITION OF "Sales"."Orders EU" FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE TABLE "Sales"."Orders US" PARTITION OF "Sales"."Orders" FOR VALUES IN ('us');
CREATE UNIQUE INDEX "Orders Key" ON ONLY "Sales"."Orders" (id, region, at);
CREATE UNIQUE INDEX "US key" ON "Sales"."Orders US" (id, region, at);
ALTER INDEX "Sales"."Orders Key" ATTACH PARTITION "Sales"."US key";
