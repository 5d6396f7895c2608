CREATE TABLE t (
    id integer PRIMARY KEY,
    v varchar(50)
);
INSERT INTO t VALUES (1, 'abc');
