-- Storage and compression set, changed and reset on a table holding rows
-- (no rewrite), on a partitioned table (its partitions follow), on a new
-- column and in a new table.
CREATE SCHEMA "Docs";
CREATE TABLE "Docs"."Doc" (id int PRIMARY KEY, "Body" text, meta jsonb, amount numeric, raw bytea);
INSERT INTO "Docs"."Doc" VALUES (1, repeat('x', 5000), '{"a": 1}', 1.5, '\x00ff');
ALTER TABLE "Docs"."Doc" ALTER COLUMN raw SET STORAGE EXTERNAL;
ALTER TABLE "Docs"."Doc" ALTER COLUMN meta SET COMPRESSION lz4;
CREATE TABLE event (id int, kind text, payload text) PARTITION BY LIST (kind);
CREATE TABLE event_a PARTITION OF event FOR VALUES IN ('a');
INSERT INTO event VALUES (1, 'a', 'p');
