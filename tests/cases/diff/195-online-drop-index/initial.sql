CREATE TABLE t (id integer PRIMARY KEY, n integer);
CREATE INDEX t_n_idx ON t (n);
INSERT INTO t SELECT g, g FROM generate_series(1, 1000) g;
