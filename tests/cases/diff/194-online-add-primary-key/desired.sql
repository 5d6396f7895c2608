CREATE TABLE t (id integer NOT NULL, n integer, CONSTRAINT t_pkey PRIMARY KEY (id));
