CREATE TABLE t (id int PRIMARY KEY, name text, amount int);
CREATE TYPE pair AS (a integer, b text);
