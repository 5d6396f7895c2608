CREATE TABLE parent (id integer NOT NULL, kind text DEFAULT 'a', n integer DEFAULT 1);
CREATE TABLE child (extra text) INHERITS (parent);
ALTER TABLE ONLY child ALTER COLUMN n SET DEFAULT 5;
CREATE TABLE events (at date NOT NULL, source text DEFAULT 'web') PARTITION BY RANGE (at);
CREATE TABLE events_2024 PARTITION OF events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
