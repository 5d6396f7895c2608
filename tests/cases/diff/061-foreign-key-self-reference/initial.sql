CREATE TABLE nodes (id integer PRIMARY KEY);
