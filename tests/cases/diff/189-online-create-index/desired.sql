CREATE TABLE t (id integer PRIMARY KEY, n integer);
CREATE INDEX t_n_idx ON t (n);
