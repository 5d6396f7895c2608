-- A column drawing from a standalone sequence with the serial's name
-- becomes serial (migra's `seq` fixture the other way): the column takes
-- the sequence over (OWNED BY, the serial's type and options) and it keeps
-- its value, where dropping it and making a new one would start over.
CREATE SEQUENCE test_id_seq;
CREATE TABLE test (id integer NOT NULL DEFAULT nextval('test_id_seq'::regclass), label text);
INSERT INTO test (label) VALUES ('a'), ('b');
