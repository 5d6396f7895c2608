CREATE TABLE old_things (id integer, label text);
