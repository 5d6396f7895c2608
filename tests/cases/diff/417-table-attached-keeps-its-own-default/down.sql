-- undo: + partition readings_2025 of readings FOR VALUES FROM ('2025-01-01') TO ('2026-01-01')
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.readings DETACH PARTITION public.readings_2025;

-- undo: - partition readings_2024 of readings
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
-- hazard: can fail on existing rows
-- lock: ACCESS EXCLUSIVE, held while every row is read
ALTER TABLE public.readings ATTACH PARTITION public.readings_2024 FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
