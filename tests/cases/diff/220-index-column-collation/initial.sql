CREATE TABLE t (id int, a text, b text COLLATE "C");
CREATE INDEX t_a ON t (a);
CREATE INDEX t_b ON t (b COLLATE "default");
