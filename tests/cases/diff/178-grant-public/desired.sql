CREATE TABLE t (id int PRIMARY KEY, name text, secret text);
GRANT SELECT ON t TO PUBLIC;
