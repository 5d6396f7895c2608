-- The owned sequence of a serial column and a standalone sequence of the
-- same name trade places (migra's `seq` fixture): the new one may exist only
-- once the old one is gone, both ways.
CREATE TABLE test (id serial, label text);
INSERT INTO test (label) VALUES ('a'), ('b');
