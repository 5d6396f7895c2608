CREATE TABLE t (
    id integer PRIMARY KEY,
    v integer CONSTRAINT v_positive CHECK (v >= 0 AND v < 1000)
);
