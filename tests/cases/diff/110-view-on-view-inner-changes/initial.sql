CREATE TABLE t (id int PRIMARY KEY, name text, amount int);
CREATE VIEW inner_v AS SELECT id, name FROM t;
CREATE VIEW outer_v AS SELECT id FROM inner_v;
