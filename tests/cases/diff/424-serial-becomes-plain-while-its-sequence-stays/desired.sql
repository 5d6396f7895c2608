CREATE SEQUENCE t_id_seq AS integer;
CREATE TABLE t (id integer NOT NULL, label text);
