CREATE TABLE parents (id integer PRIMARY KEY);
CREATE TABLE kids (id integer, parent_id integer);
