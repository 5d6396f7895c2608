-- + extension citext
CREATE EXTENSION IF NOT EXISTS citext WITH SCHEMA public VERSION '1.6';
COMMENT ON EXTENSION citext IS 'data type for case-insensitive character strings';
