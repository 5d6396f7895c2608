CREATE TABLE t (id integer PRIMARY KEY, n integer NOT NULL);
INSERT INTO t SELECT g, g FROM generate_series(1, 1000) g;
