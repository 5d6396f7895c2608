CREATE TABLE t (
    id integer PRIMARY KEY,
    v integer
);
INSERT INTO t VALUES (1, 1), (2, 0);
