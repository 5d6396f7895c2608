CREATE TABLE t (id integer PRIMARY KEY, a integer CONSTRAINT t_a_check CHECK (a > 0));
CREATE INDEX t_a_idx ON t (a);
COMMENT ON INDEX t_a_idx IS 'old';
