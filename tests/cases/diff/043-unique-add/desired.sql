CREATE TABLE t (a integer, b integer, UNIQUE (a, b));
