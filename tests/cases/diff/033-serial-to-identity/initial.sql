CREATE TABLE t (id serial PRIMARY KEY, v text);
INSERT INTO t (v) VALUES ('a'), ('b');
