CREATE TABLE t (
    id integer PRIMARY KEY,
    v varchar(100)
);
INSERT INTO t VALUES (1, 'short');
