-- Partition indexes attached to their parents' indexes under names of
-- their own: kept, renamed, and given to new attachments.
CREATE SCHEMA "Sales";
CREATE TABLE "Sales".orders (id bigint NOT NULL, region text NOT NULL, placed date NOT NULL) PARTITION BY LIST (region);
CREATE TABLE "Sales".orders_eu PARTITION OF "Sales".orders FOR VALUES IN ('eu');
CREATE TABLE "Sales".orders_us PARTITION OF "Sales".orders FOR VALUES IN ('us');
CREATE INDEX orders_placed_idx ON ONLY "Sales".orders (placed);
CREATE INDEX "EU placed" ON "Sales".orders_eu (placed);
ALTER INDEX "Sales".orders_placed_idx ATTACH PARTITION "Sales"."EU placed";
CREATE INDEX us_placed ON "Sales".orders_us (placed);
ALTER INDEX "Sales".orders_placed_idx ATTACH PARTITION "Sales".us_placed;
CREATE TABLE "Sales".kept (id bigint NOT NULL, at date NOT NULL) PARTITION BY RANGE (at);
CREATE TABLE "Sales".kept_2024 PARTITION OF "Sales".kept FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE INDEX kept_at_idx ON "Sales".kept (at);
ALTER INDEX "Sales".kept_2024_at_idx RENAME TO kept_2024_by_day;
