CREATE SEQUENCE t_id_seq;
CREATE TABLE other (x bigint DEFAULT nextval('t_id_seq'));
CREATE TABLE t (id serial, label text);
