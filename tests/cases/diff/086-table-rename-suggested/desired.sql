CREATE TABLE things (id integer, label text);
