CREATE TABLE t (id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY, code serial, n integer);
INSERT INTO t (n) SELECT g FROM generate_series(1, 10) g;
