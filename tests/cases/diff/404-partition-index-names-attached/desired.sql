CREATE SCHEMA "Sales";
CREATE TABLE "Sales".orders (id bigint NOT NULL, region text NOT NULL, placed date NOT NULL) PARTITION BY LIST (region);
CREATE TABLE "Sales".orders_eu PARTITION OF "Sales".orders FOR VALUES IN ('eu');
CREATE TABLE "Sales".orders_us PARTITION OF "Sales".orders FOR VALUES IN ('us');
CREATE TABLE "Sales".orders_asia PARTITION OF "Sales".orders FOR VALUES IN ('asia');
CREATE INDEX orders_placed_idx ON ONLY "Sales".orders (placed);
-- eu keeps its name, us gets the one PostgreSQL would choose, asia one of its own.
CREATE INDEX "EU placed" ON "Sales".orders_eu (placed);
ALTER INDEX "Sales".orders_placed_idx ATTACH PARTITION "Sales"."EU placed";
CREATE INDEX orders_us_placed_idx ON "Sales".orders_us (placed);
ALTER INDEX "Sales".orders_placed_idx ATTACH PARTITION "Sales".orders_us_placed_idx;
CREATE INDEX "Asia's placed" ON "Sales".orders_asia (placed);
ALTER INDEX "Sales".orders_placed_idx ATTACH PARTITION "Sales"."Asia's placed";
-- A new index of the parent whose partition's index has a name of its own.
CREATE INDEX orders_id_idx ON ONLY "Sales".orders (id);
CREATE INDEX eu_by_id ON "Sales".orders_eu (id);
ALTER INDEX "Sales".orders_id_idx ATTACH PARTITION "Sales".eu_by_id;
CREATE INDEX orders_us_id_idx ON "Sales".orders_us (id);
ALTER INDEX "Sales".orders_id_idx ATTACH PARTITION "Sales".orders_us_id_idx;
CREATE INDEX orders_asia_id_idx ON "Sales".orders_asia (id);
ALTER INDEX "Sales".orders_id_idx ATTACH PARTITION "Sales".orders_asia_id_idx;
CREATE TABLE "Sales".kept (id bigint NOT NULL, at date NOT NULL) PARTITION BY RANGE (at);
CREATE TABLE "Sales".kept_2024 PARTITION OF "Sales".kept FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE INDEX kept_at_idx ON "Sales".kept (at);
ALTER INDEX "Sales".kept_2024_at_idx RENAME TO kept_2024_by_day;
