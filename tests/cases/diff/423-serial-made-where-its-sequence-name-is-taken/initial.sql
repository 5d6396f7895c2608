-- A column becomes serial while a sequence of its own keeps the name
-- PostgreSQL would give the serial's (t_id_seq): the serial's sequence is
-- named as PostgreSQL names it then, t_id_seq1, where creating t_id_seq
-- would fail. Its value starts past the rows there are.
CREATE SEQUENCE t_id_seq;
CREATE TABLE other (x bigint DEFAULT nextval('t_id_seq'));
CREATE TABLE t (id integer NOT NULL, label text);
INSERT INTO t VALUES (1, 'a'), (2, 'b');
