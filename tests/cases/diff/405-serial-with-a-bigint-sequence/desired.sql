-- As pg_dump writes a serial of PostgreSQL 9: the sequence is created on
-- its own (bigint, bigint's bounds) and owned by an integer column.
CREATE TABLE test (id integer NOT NULL, txt text);
CREATE SEQUENCE test_id_seq START WITH 1 INCREMENT BY 1 NO MINVALUE NO MAXVALUE CACHE 1;
ALTER SEQUENCE test_id_seq OWNED BY test.id;
ALTER TABLE test ALTER COLUMN id SET DEFAULT nextval('test_id_seq'::regclass);
CREATE TABLE kept (id integer NOT NULL);
CREATE SEQUENCE kept_id_seq;
ALTER SEQUENCE kept_id_seq OWNED BY kept.id;
ALTER TABLE kept ALTER COLUMN id SET DEFAULT nextval('kept_id_seq'::regclass);
