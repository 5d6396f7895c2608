CREATE SEQUENCE test_id_seq;
CREATE TABLE test (id integer NOT NULL DEFAULT nextval('test_id_seq'::regclass), label text);
