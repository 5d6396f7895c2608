-- A table becomes a partition, and a partition leaves its parent, each
-- keeping a default of its own on a column the parent also has (with
-- another default): ATTACH and DETACH leave a table's defaults as they
-- are, so the plan sets only what differs, both ways. (A child that
-- leaves by NO INHERIT gets the same, but the way back, INHERIT, leaves
-- its columns local as well: attislocal, which no statement undoes.)
CREATE TABLE readings (at date NOT NULL, source text DEFAULT 'web') PARTITION BY RANGE (at);
CREATE TABLE readings_2024 PARTITION OF readings FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
ALTER TABLE readings_2024 ALTER COLUMN source SET DEFAULT 'old';
CREATE TABLE readings_2025 (at date NOT NULL, source text DEFAULT 'import');
