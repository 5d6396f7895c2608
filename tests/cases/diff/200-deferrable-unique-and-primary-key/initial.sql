CREATE TABLE t (id integer NOT NULL, a integer, CONSTRAINT t_pkey PRIMARY KEY (id), CONSTRAINT t_a_key UNIQUE (a));
