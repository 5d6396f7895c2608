-- undo: - extension hstore
CREATE EXTENSION IF NOT EXISTS hstore WITH SCHEMA public VERSION '1.8';
COMMENT ON EXTENSION hstore IS 'data type for storing sets of (key, value) pairs';
