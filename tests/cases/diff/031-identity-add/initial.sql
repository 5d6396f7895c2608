CREATE TABLE t (id bigint NOT NULL, v text);
INSERT INTO t VALUES (5, 'x');
