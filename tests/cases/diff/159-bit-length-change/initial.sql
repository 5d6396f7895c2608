CREATE TABLE t (id int PRIMARY KEY, flags bit varying(8));
