-- undo: ~ extension citext (replaced in place)
DROP EXTENSION citext;
CREATE EXTENSION IF NOT EXISTS citext WITH SCHEMA public VERSION '1.5';
COMMENT ON EXTENSION citext IS 'data type for case-insensitive character strings';
