CREATE TABLE t (a integer UNIQUE, b integer);
