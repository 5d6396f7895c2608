CREATE TABLE t (id integer PRIMARY KEY, n integer CONSTRAINT t_n_positive CHECK (n > 0));
