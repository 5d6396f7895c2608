CREATE TABLE t (
    id integer PRIMARY KEY,
    v text NOT NULL DEFAULT '7'
);
INSERT INTO t VALUES (1, '3');
