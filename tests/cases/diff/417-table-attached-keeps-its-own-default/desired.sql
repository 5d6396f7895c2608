CREATE TABLE readings (at date NOT NULL, source text DEFAULT 'web') PARTITION BY RANGE (at);
CREATE TABLE readings_2024 (at date NOT NULL, source text DEFAULT 'old');
CREATE TABLE readings_2025 PARTITION OF readings FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
ALTER TABLE readings_2025 ALTER COLUMN source SET DEFAULT 'import';
