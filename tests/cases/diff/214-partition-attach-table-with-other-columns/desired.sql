CREATE TABLE events (id bigint NOT NULL, created date NOT NULL, payload text) PARTITION BY RANGE (created);
CREATE TABLE events_2024 PARTITION OF events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
