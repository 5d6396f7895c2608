CREATE TABLE t (id int PRIMARY KEY, a int, b int, flags bit(8), mask bit varying(16), free varbit);
