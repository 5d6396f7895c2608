CREATE TABLE events (id bigint NOT NULL, created date NOT NULL, payload text) PARTITION BY RANGE (created);
CREATE TABLE events_2024 (id bigint, created date NOT NULL, legacy int);
