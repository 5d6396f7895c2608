CREATE EXTENSION citext;
CREATE TABLE t (id int PRIMARY KEY, name public.citext, amount int);
