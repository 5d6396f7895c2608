CREATE TABLE test (id serial, label text);
