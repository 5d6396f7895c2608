CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
CREATE TABLE t (id integer, m mood);
COMMENT ON TABLE t IS 'old';
COMMENT ON COLUMN t.id IS 'the id';
