CREATE TABLE t (id integer PRIMARY KEY, a integer, b integer, CONSTRAINT t_a_key UNIQUE (a));
INSERT INTO t VALUES (1, 1, NULL), (2, NULL, 2);
