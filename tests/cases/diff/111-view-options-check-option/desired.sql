CREATE TABLE t (id int PRIMARY KEY, name text, amount int);
CREATE VIEW v WITH (security_barrier) AS SELECT id, name FROM t WHERE id > 0 WITH LOCAL CHECK OPTION;
