CREATE TABLE t (id serial PRIMARY KEY, n integer);
INSERT INTO t (n) SELECT g FROM generate_series(1, 10) g;
