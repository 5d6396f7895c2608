CREATE TABLE b (id integer CONSTRAINT a_pkey PRIMARY KEY, y text);
