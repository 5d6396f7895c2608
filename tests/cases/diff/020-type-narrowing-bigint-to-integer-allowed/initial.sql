CREATE TABLE t (
    id integer PRIMARY KEY,
    v bigint
);
INSERT INTO t VALUES (1, 5);
