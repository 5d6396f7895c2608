CREATE TABLE t (id int PRIMARY KEY, name text, amount bigint);
CREATE VIEW v AS SELECT id, amount FROM t;
