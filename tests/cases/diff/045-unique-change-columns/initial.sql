CREATE TABLE t (a integer, b integer, CONSTRAINT t_key UNIQUE (a));
