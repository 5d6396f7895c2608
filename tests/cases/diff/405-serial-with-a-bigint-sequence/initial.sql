CREATE TABLE kept (id integer NOT NULL);
