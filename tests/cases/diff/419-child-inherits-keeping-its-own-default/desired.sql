CREATE TABLE events (id bigint NOT NULL, source text DEFAULT 'web', n int DEFAULT 1);
CREATE TABLE events_import () INHERITS (events);
ALTER TABLE events_import ALTER COLUMN source SET DEFAULT 'import';
CREATE TABLE events_web () INHERITS (events);
CREATE TABLE events_api (source text DEFAULT 'api') INHERITS (events);
