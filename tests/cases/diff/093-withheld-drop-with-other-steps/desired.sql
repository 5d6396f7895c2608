CREATE TABLE t (id integer PRIMARY KEY, v varchar(20), added text);
CREATE TABLE new (id integer);
