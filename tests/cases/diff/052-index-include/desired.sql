CREATE TABLE ev (id integer, at timestamptz, kind text);
CREATE UNIQUE INDEX ev_id_idx ON ev (id) INCLUDE (kind, at);
