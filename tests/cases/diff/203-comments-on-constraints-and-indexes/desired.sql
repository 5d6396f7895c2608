CREATE TABLE t (id integer PRIMARY KEY, a integer CONSTRAINT t_a_check CHECK (a > 0));
CREATE INDEX t_a_idx ON t (a);
COMMENT ON CONSTRAINT t_pkey ON t IS 'the key';
COMMENT ON CONSTRAINT t_a_check ON t IS 'positive';
COMMENT ON INDEX t_a_idx IS 'new: it''s changed';
