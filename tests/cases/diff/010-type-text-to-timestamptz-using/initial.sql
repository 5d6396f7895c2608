CREATE TABLE t (
    id integer PRIMARY KEY,
    v text
);
INSERT INTO t VALUES (1, '2024-01-02 03:04:05+00');
