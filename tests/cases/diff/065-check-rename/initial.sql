CREATE TABLE t (
    id integer PRIMARY KEY,
    v integer CONSTRAINT old_check CHECK (v > 0)
);
