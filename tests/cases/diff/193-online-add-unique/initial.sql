CREATE TABLE t (id integer PRIMARY KEY, email text);
INSERT INTO t SELECT g, 'user' || g || '@example.com' FROM generate_series(1, 1000) g;
