CREATE TABLE t (id integer NOT NULL DEFAULT 0, v text);
