CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
CREATE TABLE t (id integer, m mood);
COMMENT ON TABLE t IS 'it''s new';
COMMENT ON COLUMN t.m IS 'how it feels';
COMMENT ON TYPE mood IS 'moods';
