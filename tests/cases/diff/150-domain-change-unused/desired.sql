CREATE TABLE t (id int PRIMARY KEY, name text, amount int);
CREATE DOMAIN short_text AS varchar(20) DEFAULT 'x';
