CREATE TABLE t (
    id integer PRIMARY KEY,
    v integer NOT NULL DEFAULT 0
);
