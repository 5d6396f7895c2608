CREATE TABLE t (
    id integer PRIMARY KEY,
    v numeric(10,2)
);
INSERT INTO t VALUES (1, 1.25);
