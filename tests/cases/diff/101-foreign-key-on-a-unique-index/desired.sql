CREATE TABLE p (id integer NOT NULL);
CREATE UNIQUE INDEX p_id_idx ON p (id);
CREATE TABLE c (pid integer);
