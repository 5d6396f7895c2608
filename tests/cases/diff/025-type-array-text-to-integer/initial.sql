CREATE TABLE t (
    id integer PRIMARY KEY,
    v text[] NOT NULL DEFAULT '{}'
);
INSERT INTO t VALUES (1, '{1,2}');
