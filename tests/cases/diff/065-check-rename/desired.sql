CREATE TABLE t (
    id integer PRIMARY KEY,
    v integer CONSTRAINT new_check CHECK (v > 0)
);
