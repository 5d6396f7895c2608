-- Defaults a child or partition holds of its own on a column from its
-- parent: set, changed, kept while the parent's changes, dropped, and on
-- a new child.
CREATE TABLE parent (id integer NOT NULL, kind text DEFAULT 'b', n integer DEFAULT 2);
CREATE TABLE child (extra text) INHERITS (parent);
ALTER TABLE ONLY child ALTER COLUMN id SET DEFAULT 0;
ALTER TABLE ONLY child ALTER COLUMN n SET DEFAULT 5;
ALTER TABLE ONLY child ALTER COLUMN kind DROP DEFAULT;
CREATE TABLE events (at date NOT NULL, source text DEFAULT 'web') PARTITION BY RANGE (at);
CREATE TABLE events_2024 PARTITION OF events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
ALTER TABLE ONLY events_2024 ALTER COLUMN source SET DEFAULT 'import';
CREATE TABLE events_2025 PARTITION OF events FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
ALTER TABLE ONLY events_2025 ALTER COLUMN at SET DEFAULT '2025-01-01';
