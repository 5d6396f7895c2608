CREATE TABLE t (id int PRIMARY KEY, a int, b int, total int GENERATED ALWAYS AS (a * b) STORED);
