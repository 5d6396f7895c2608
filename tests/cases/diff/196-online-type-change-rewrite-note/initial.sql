CREATE TABLE t (id integer PRIMARY KEY, n integer);
INSERT INTO t SELECT g, g FROM generate_series(1, 1000) g;
