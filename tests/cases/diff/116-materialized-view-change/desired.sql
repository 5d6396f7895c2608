CREATE TABLE t (id int PRIMARY KEY, name text, amount int);
CREATE MATERIALIZED VIEW mv AS SELECT id, name FROM t;
