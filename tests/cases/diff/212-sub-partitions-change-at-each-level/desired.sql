CREATE SCHEMA "Arch";
CREATE TABLE m (id int NOT NULL, region text NOT NULL, at date NOT NULL, note text) PARTITION BY LIST (region);
CREATE INDEX m_note ON m (note);
CREATE TABLE m_eu PARTITION OF m FOR VALUES IN ('eu', 'uk') PARTITION BY RANGE (at);
CREATE TABLE m_eu_2024 PARTITION OF m_eu FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE TABLE m_eu_2025 PARTITION OF m_eu FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
CREATE TABLE "Arch"."M us" (id int NOT NULL, region text NOT NULL, at date NOT NULL, note text, kept boolean);
