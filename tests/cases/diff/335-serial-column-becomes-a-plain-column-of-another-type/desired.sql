CREATE TABLE t (c1 boolean NOT NULL);
