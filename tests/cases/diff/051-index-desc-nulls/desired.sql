CREATE TABLE ev (id integer, at timestamptz, kind text);
CREATE INDEX ev_at_idx ON ev (at DESC NULLS LAST, kind NULLS FIRST);
