CREATE TABLE t (b integer, c text);
INSERT INTO t VALUES (1, 'x');
