CREATE TABLE t (
    id integer PRIMARY KEY,
    v integer CHECK (v > 0)
);
