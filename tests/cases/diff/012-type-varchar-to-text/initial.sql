CREATE TABLE t (
    id integer PRIMARY KEY,
    v varchar(20)
);
INSERT INTO t VALUES (1, 'abc');
