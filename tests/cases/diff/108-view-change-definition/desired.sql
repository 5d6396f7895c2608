CREATE TABLE t (id int PRIMARY KEY, name text, amount int);
CREATE VIEW v AS SELECT id, upper(name) AS name FROM t;
