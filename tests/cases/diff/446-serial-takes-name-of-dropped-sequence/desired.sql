CREATE TABLE t1 (c1 serial NOT NULL, c2 text);
CREATE TABLE t2 (id int PRIMARY KEY, n serial);
